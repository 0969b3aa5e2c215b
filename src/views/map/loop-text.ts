/**
 * The words of the strategy map: the message key of each node's name and description, and
 * how each progress state is written and marked. The mark (✓ … ○) makes a status readable
 * without its colour.
 */
import type { MessageKey } from '../../lib/i18n/messages.en';
import type { LoopNode, Progress } from '../../core/plan/plan-status';

/** The name of each node of the loop. */
export const NODE_NAME: Record<LoopNode, MessageKey> = {
  marketResearch: 'map.node.marketResearch',
  segmentation: 'map.node.segmentation',
  differentiation: 'map.node.differentiation',
  pricing: 'map.node.pricing',
  channels: 'map.node.channels',
  contract: 'map.node.contract',
  crm: 'map.node.crm',
};

/** What each stage is about, in one sentence. */
export const NODE_ABOUT: Record<LoopNode, MessageKey> = {
  marketResearch: 'map.about.marketResearch',
  segmentation: 'map.about.segmentation',
  differentiation: 'map.about.differentiation',
  pricing: 'map.about.pricing',
  channels: 'map.about.channels',
  contract: 'map.about.contract',
  crm: 'map.about.crm',
};

/** A status in words. */
export const STATUS_TEXT: Record<Progress, MessageKey> = {
  done: 'map.status.done',
  'in-progress': 'map.status.inProgress',
  empty: 'map.status.empty',
};

/** The mark shown before a node's name, so a status does not rest on colour alone. */
export const STATUS_MARK: Record<Progress, string> = {
  done: '✓',
  'in-progress': '…',
  empty: '○',
};
