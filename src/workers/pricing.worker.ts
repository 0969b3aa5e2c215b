/**
 * The pricing worker: the marginal revenue calculator, demand fits, the best price and Van
 * Westendorp off the page's thread, so typing stays smooth on large data sets.
 */
import * as Comlink from 'comlink';
import { pricingWorkerApi } from './pricing-api';

export type { PricingWorkerApi } from './pricing-api';

Comlink.expose(pricingWorkerApi);
