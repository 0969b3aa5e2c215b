/**
 * How plans are laid out in the workspace's one key-value store, and the two small
 * documents next to them: the list of plans and the versions of a plan.
 *
 * - `plans:index`               Envelope<PlanIndex>: every plan, with its revision.
 * - `plans:<id>:current`        Envelope<Plan>: the plan as last saved (autosave writes here).
 * - `plans:<id>:versions`       Envelope<PlanVersions>: the versions kept of it.
 * - `plans:<id>:v:<n>`          Envelope<Plan>: version n.
 * - `plans-aside:<id>:<t>`      A damaged record, kept aside when found (t: ms); outside the
 *                               plan's keys, so deleting or recovering the plan keeps it.
 *
 * DO NOT CHANGE THE KEYS OR THE SHAPES WITHOUT A MIGRATION (persistence/migrations.ts).
 */
import { isValidDatasetId } from '../persistence/schema';

export const PLAN_INDEX_KEY = 'plans:index';
export const PLAN_INDEX_KIND = 'plan-index';
export const PLAN_VERSIONS_KIND = 'plan-versions';

export const planCurrentKey = (id: string): string => `plans:${id}:current`;
export const planVersionsKey = (id: string): string => `plans:${id}:versions`;
export const planVersionKey = (id: string, n: number): string => `plans:${id}:v:${n}`;
export const planAsideKey = (id: string, timestamp: number): string => `plans-aside:${id}:${timestamp}`;
/** Prefix of the damaged records of one plan kept aside ('index' for the list of plans). */
export const planAsidePrefix = (id: string): string => `plans-aside:${id}:`;
/** Prefix of every key of one plan. */
export const planKeyPrefix = (id: string): string => `plans:${id}:`;

/** A plan id: letters, digits, '-' and '_' (no ':', so one plan's keys never hold another's). */
export const isValidPlanId = isValidDatasetId;

/** A plan as the list shows it. */
export interface PlanIndexEntry {
  id: string;
  name: string;
  template: string | null;
  illustrative: boolean;
  /** ISO time of the last save. */
  savedAt: string;
  /** Goes up by one with every save: a tab that saw another number knows another tab saved. */
  revision: number;
}

export interface PlanIndex {
  kind: typeof PLAN_INDEX_KIND;
  plans: PlanIndexEntry[];
}

/** A kept version of a plan. */
export interface PlanVersion {
  n: number;
  savedAt: string;
  /** The plan's name at the time. */
  name: string;
  /** Why it was kept: by hand, before a restore, at a re-plan, or every so often while editing. */
  reason: 'manual' | 'before-restore' | 'replan' | 'interval';
}

export interface PlanVersions {
  kind: typeof PLAN_VERSIONS_KIND;
  versions: PlanVersion[];
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0;

export function isPlanIndex(value: unknown): value is PlanIndex {
  if (!isObject(value) || value.kind !== PLAN_INDEX_KIND || !Array.isArray(value.plans)) return false;
  const ids = new Set<string>();
  for (const e of value.plans as unknown[]) {
    if (
      !isObject(e) ||
      !isValidPlanId(e.id) ||
      ids.has(e.id) ||
      typeof e.name !== 'string' ||
      !(e.template === null || typeof e.template === 'string') ||
      typeof e.illustrative !== 'boolean' ||
      typeof e.savedAt !== 'string' ||
      !isCount(e.revision)
    ) {
      return false;
    }
    ids.add(e.id);
  }
  return true;
}

export function isPlanVersions(value: unknown): value is PlanVersions {
  if (!isObject(value) || value.kind !== PLAN_VERSIONS_KIND || !Array.isArray(value.versions)) return false;
  return (value.versions as unknown[]).every(
    (v) => isObject(v) && isCount(v.n) && typeof v.savedAt === 'string' && typeof v.name === 'string' && ['manual', 'before-restore', 'replan', 'interval'].includes(v.reason as string),
  );
}
