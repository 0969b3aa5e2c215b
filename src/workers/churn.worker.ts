/**
 * The churn worker: trains and scores off the page's thread. Cancelling a run terminates
 * this worker (see lib/worker-client.ts); the next call starts a fresh one.
 */
import * as Comlink from 'comlink';
import { churnWorkerApi } from './churn-api';

export type { ChurnWorkerApi } from './churn-api';

Comlink.expose(churnWorkerApi);
