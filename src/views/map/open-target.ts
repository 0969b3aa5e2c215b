/**
 * Opening a target of the strategy map: a plan part is handed to the Plan screen, which shows
 * it when it next appears; then the address moves to the target's screen.
 */
import type { PlanScreen } from '../plan/plan.svelte';
import { targetHref, type MapTarget } from './node-targets';

/** Prepares the Plan screen for a plan part; links call this and let their href navigate. */
export function prepareTarget(target: MapTarget, plans: Pick<PlanScreen, 'showPart'>): void {
  if (target.kind === 'part') plans.showPart(target.part);
}

/** Opens a target from script (a click on the diagram). */
export function openTarget(target: MapTarget, plans: Pick<PlanScreen, 'showPart'>): void {
  prepareTarget(target, plans);
  location.hash = targetHref(target);
}
