/**
 * The loyalty worker: Bayes' rule typed in by hand, and the probabilities learnt from the
 * open data set, off the page's thread (learning reads every row of the data set).
 */
import * as Comlink from 'comlink';
import { loyaltyWorkerApi } from './loyalty-api';

export type { LoyaltyWorkerApi } from './loyalty-api';

Comlink.expose(loyaltyWorkerApi);
