/**
 * The LP worker: reads, writes and solves models off the page's thread. Cancelling a solve
 * terminates this worker (see lib/worker-client.ts); the next call starts a fresh one.
 */
import * as Comlink from 'comlink';
import { lpWorkerApi } from './lp-api';

export type { LpWorkerApi } from './lp-api';

Comlink.expose(lpWorkerApi);
