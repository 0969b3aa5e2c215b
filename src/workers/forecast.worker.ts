/**
 * The forecast worker: makes series, fits models and backtests them off the page's thread,
 * so the sliders stay smooth. Cancelling a backtest terminates this worker (see
 * lib/worker-client.ts); the next call starts a fresh one.
 */
import * as Comlink from 'comlink';
import { forecastWorkerApi } from './forecast-api';

export type { ForecastWorkerApi } from './forecast-api';

Comlink.expose(forecastWorkerApi);
