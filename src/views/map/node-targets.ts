/**
 * Where each node of the strategy map leads: a part of the open plan, or the screen of the
 * tool that works on that stage. The first target is the one a click on the diagram opens;
 * the list beside the diagram shows them all.
 */
import type { LoopNode } from '../../core/plan/plan-status';
import type { MessageKey } from '../../lib/i18n/messages.en';
import { hashFor, type RouteId } from '../../app/routes';
import type { PlanPart } from '../plan/plan.svelte';

/** The parts of the plan the map leads to. */
export type MapPart = Extract<
  PlanPart,
  'strategy-marketResearch' | 'strategy-segmentation' | 'strategy-differentiation' | 'strategy-pricingChannels' | 'allocation' | 'strategy-contract' | 'strategy-crm'
>;
/** The screens the map leads to. */
export type MapScreen = Extract<RouteId, 'data' | 'churn' | 'pricing' | 'allocation' | 'loyalty'>;

export type MapTarget = { kind: 'part'; part: MapPart } | { kind: 'screen'; route: MapScreen };

const part = (p: MapPart): MapTarget => ({ kind: 'part', part: p });
const screen = (route: MapScreen): MapTarget => ({ kind: 'screen', route });

/**
 * The targets of a node, the primary one first. Channels lead to the plan's allocation step
 * when a plan is open, else to the Allocation screen.
 * @example nodeTargets('pricing', false)[0] // { kind: 'screen', route: 'pricing' }
 */
export function nodeTargets(node: LoopNode, hasPlan: boolean): MapTarget[] {
  switch (node) {
    case 'marketResearch':
      return [part('strategy-marketResearch')];
    case 'segmentation':
      // The customer table is where segments start; the churn screen ranks them by risk.
      return [screen('data'), screen('churn'), part('strategy-segmentation')];
    case 'differentiation':
      return [part('strategy-differentiation')];
    case 'pricing':
      return [screen('pricing'), part('strategy-pricingChannels')];
    case 'channels':
      return hasPlan ? [part('allocation'), screen('allocation')] : [screen('allocation')];
    case 'contract':
      return [part('strategy-contract')];
    case 'crm':
      return [screen('churn'), screen('loyalty'), part('strategy-crm')];
  }
}

/** The address a target lives at: plan parts are shown on the Plan screen. */
export function targetHref(target: MapTarget): string {
  return hashFor(target.kind === 'part' ? 'plan' : target.route);
}

const PART_TEXT: Record<MapPart, MessageKey> = {
  'strategy-marketResearch': 'map.target.planMarketResearch',
  'strategy-segmentation': 'map.target.planSegmentation',
  'strategy-differentiation': 'map.target.planDifferentiation',
  'strategy-pricingChannels': 'map.target.planPricingChannels',
  allocation: 'map.target.planAllocation',
  'strategy-contract': 'map.target.planContract',
  'strategy-crm': 'map.target.planCrm',
};

const SCREEN_TEXT: Record<MapScreen, MessageKey> = {
  data: 'map.target.data',
  churn: 'map.target.churn',
  pricing: 'map.target.pricing',
  allocation: 'map.target.allocation',
  loyalty: 'map.target.loyalty',
};

/** The message key of a target's link text. */
export function targetText(target: MapTarget): MessageKey {
  return target.kind === 'part' ? PART_TEXT[target.part] : SCREEN_TEXT[target.route];
}
