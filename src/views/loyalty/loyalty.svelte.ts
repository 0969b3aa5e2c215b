/**
 * The loyalty screen's state (Bayes' rule): the calculator typed by hand and the
 * probabilities learnt from the open data set, both computed in the loyalty worker. It lives
 * as long as the app, so the numbers are still there after a visit to another screen.
 */
import { createWorkerClient, type WorkerClient } from '../../lib/worker-client';
import type { OpenDataset } from '../../lib/state/Workspace.svelte';
import type { LoyaltyWorkerApi } from '../../workers/loyalty-api';
import { LoyaltyCalculator } from './calculator.svelte';
import { LoyaltyLearner } from './learner.svelte';

export interface LoyaltyScreenDeps {
  /** Runs the calculations (tests pass one that calls the worker's api in the same thread). */
  client?: WorkerClient<LoyaltyWorkerApi>;
}

export class LoyaltyScreen {
  readonly calculator: LoyaltyCalculator;
  readonly learner: LoyaltyLearner;

  constructor(deps: LoyaltyScreenDeps = {}) {
    const client =
      deps.client ??
      createWorkerClient<LoyaltyWorkerApi>(() => new Worker(new URL('../../workers/loyalty.worker.ts', import.meta.url), { type: 'module', name: 'loyalty' }));
    this.calculator = new LoyaltyCalculator(client);
    this.learner = new LoyaltyLearner(client);
  }

  /** Follows the data set open in the workspace (the learnt part). */
  useDataset(open: OpenDataset | null): void {
    this.learner.useDataset(open);
  }
}
