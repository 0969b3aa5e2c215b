/**
 * A plan as it is stored and exported: in the envelope every stored record has (schema
 * version, app version, time of writing), read back through the migrations and the shape
 * check. Exported files carry a format marker so that any other JSON is told apart at once.
 */
import { migrateEnvelope } from '../persistence/migrations';
import { CURRENT_SCHEMA_VERSION, isEnvelope, wrapEnvelope, type Envelope } from '../persistence/schema';
import { fail, ok, type Result } from '../shared/result';
import { PLAN_KIND, type Plan } from './plan';
import { validatePlan } from './validate-plan';

/** The marker of an exported plan file. */
export const PLAN_FILE_FORMAT = 'b2b-strategy-lab-plan';

/** An exported plan: its envelope and the marker. */
export type PlanFile = Envelope<Plan> & { format: typeof PLAN_FILE_FORMAT };

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The envelope to store a plan in (`savedAt`: ISO time, given by the caller). */
export function wrapPlan(plan: Plan, savedAt: string): Envelope<Plan> {
  return wrapEnvelope(plan, savedAt);
}

/**
 * Any stored or exported plan, of this schema or an earlier one, as a plan of the current
 * shape. Errors: PLAN_NOT_A_PLAN (not a plan envelope at all), SCHEMA_TOO_NEW (written by a
 * newer version: see openPlan), MIGRATION_FAILED, PLAN_INVALID (the first problem named).
 */
export function migratePlan(raw: unknown): Result<Plan> {
  if (!isEnvelope(raw) || !isObject(raw.data) || raw.data.kind !== PLAN_KIND) {
    return fail('PLAN_NOT_A_PLAN', 'This is not a plan of this app: it has no plan inside a versioned envelope.');
  }
  const migrated = migrateEnvelope(raw);
  if (!migrated.ok) return migrated;
  return validatePlan(migrated.value.data);
}

/**
 * A stored plan to open: migrated, or, when a newer version wrote it, as it is and read-only
 * when it still has every field this version knows (newer versions add fields); never
 * rewritten by this version.
 */
export function openPlan(raw: unknown): Result<{ plan: Plan; readOnly: boolean; schemaVersion: number }> {
  const migrated = migratePlan(raw);
  if (migrated.ok) return ok({ plan: migrated.value, readOnly: false, schemaVersion: CURRENT_SCHEMA_VERSION });
  if (migrated.error.code !== 'SCHEMA_TOO_NEW' || !isEnvelope(raw)) return migrated;
  const asIs = validatePlan(raw.data);
  if (!asIs.ok) return migrated;
  return ok({ plan: asIs.value, readOnly: true, schemaVersion: raw.schemaVersion });
}

/** The text of an exported plan file (JSON, indented for people who open it). */
export function planFileText(plan: Plan, savedAt: string): string {
  const file: PlanFile = { format: PLAN_FILE_FORMAT, ...wrapPlan(plan, savedAt) };
  return JSON.stringify(file, null, 2);
}

/**
 * Reads an exported plan file. Errors: PLAN_FILE_NOT_JSON, PLAN_FILE_FOREIGN (JSON, but not
 * a plan file of this app), then migratePlan's.
 */
export function readPlanFile(text: string): Result<{ plan: Plan; readOnly: boolean; schemaVersion: number }> {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return fail('PLAN_FILE_NOT_JSON', 'The file is not a plan file: it is not JSON. Choose a file this app exported.');
  }
  if (!isObject(raw) || raw.format !== PLAN_FILE_FORMAT) {
    return fail('PLAN_FILE_FOREIGN', 'The file is JSON, but not a plan exported by this app. Choose a file this app exported.');
  }
  const { format: _format, ...envelope } = raw;
  return openPlan(envelope);
}
