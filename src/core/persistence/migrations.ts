/**
 * Schema migrations of stored records. Pure: the repository reads, calls `migrateEnvelope`,
 * then validates; migrated data is written back only by the next ordinary save.
 *
 * A migration step receives the `data` of one envelope, which is one of these documents
 * (tell them apart by `kind`):
 * - `{ kind: 'workspace-index', datasets: [...] }`           (the index, as stored);
 * - `{ kind: 'dataset', meta: {...}, columns: [...] }`        (one data set: its meta record
 *   and its column records together, assembled by the repository; never stored as one value).
 * - `{ kind: 'plan', ... }`                                   (a plan, plan/plan.ts, stored or
 *   exported to a file; a kept version of a plan is the same document);
 * - `{ kind: 'plan-index', plans: [...] }` and `{ kind: 'plan-versions', versions: [...] }`
 *   (the list of plans and of a plan's versions, plan/plan-store-format.ts);
 * - `{ kind: 'kept-forecast', ... }`                          (the forecast kept for the plan,
 *   kept-forecast.ts, as stored).
 */
import { fail, ok, type Result } from '../shared/result';
import { CURRENT_SCHEMA_VERSION, type Envelope } from './schema';

/** One step of the persisted format, from version `from` to `from + 1`. */
export interface Migration {
  from: number;
  to: number;
  /**
   * Returns the data in the `to` format. Must not mutate its argument (return new objects;
   * typed arrays may be reused as they are) and must throw on data it cannot understand.
   */
  up(data: unknown): unknown;
}

/**
 * Every migration, in order. Empty while the format is at v1.
 *
 * To change the stored format: bump CURRENT_SCHEMA_VERSION in schema.ts, append
 * `{ from: N, to: N + 1, up }` here handling every document kind (pass through unchanged the
 * kinds the step does not touch), freeze a `tests/fixtures/persisted/vN+1-workspace.json`
 * written by the new version and keep the older fixtures loading in the tests.
 */
export const MIGRATIONS: readonly Migration[] = [];

/**
 * Checks that `list` is a contiguous chain 1→2→…→`target` (each `to` = `from` + 1, first
 * `from` = 1, last `to` = `target`; empty only when `target` is 1).
 */
export function validateMigrations(
  list: readonly Migration[],
  target: number = CURRENT_SCHEMA_VERSION,
): Result<void> {
  if (!Number.isInteger(target) || target < 1) {
    return fail('MIGRATIONS_INVALID', `Target schema version ${target} is not a positive integer.`, { target });
  }
  for (let i = 0; i < list.length; i++) {
    const step = list[i];
    const expectedFrom = i + 1;
    if (step.from !== expectedFrom) {
      return fail('MIGRATIONS_INVALID', `Migration ${i} starts at v${step.from}, expected v${expectedFrom}.`, {
        index: i,
        from: step.from,
        expected: expectedFrom,
      });
    }
    if (step.to !== step.from + 1) {
      return fail('MIGRATIONS_INVALID', `Migration ${i} goes from v${step.from} to v${step.to}, not one step.`, {
        index: i,
        from: step.from,
        to: step.to,
      });
    }
  }
  const end = list.length === 0 ? 1 : list[list.length - 1].to;
  if (end !== target) {
    return fail('MIGRATIONS_INVALID', `Migrations end at v${end}, the current schema is v${target}.`, {
      end,
      target,
    });
  }
  return ok(undefined);
}

/**
 * Brings an envelope up to `target` one step at a time. Returns a new envelope (input
 * untouched) keeping `appVersion` and `savedAt` of the original write.
 *
 * Errors: `SCHEMA_TOO_NEW` when the record was written by a newer version (the caller must
 * open read-only and never overwrite it); `MIGRATION_FAILED` for an unknown version, an
 * invalid migration list, or a step that throws or returns nothing.
 */
export function migrateEnvelope(
  env: Envelope<unknown>,
  list: readonly Migration[] = MIGRATIONS,
  target: number = CURRENT_SCHEMA_VERSION,
): Result<Envelope<unknown>> {
  const version = env.schemaVersion;
  if (!Number.isInteger(version) || version < 1) {
    return fail('MIGRATION_FAILED', `Unknown schema version ${String(version)}.`, { from: String(version) });
  }
  if (version > target) {
    return fail('SCHEMA_TOO_NEW', `Saved with schema v${version}; this version reads up to v${target}.`, {
      found: version,
      supported: target,
    });
  }
  const chain = validateMigrations(list, target);
  if (!chain.ok) {
    return fail('MIGRATION_FAILED', `Migration list is broken: ${chain.error.message}`, { from: version });
  }
  let data = env.data;
  for (let v = version; v < target; v++) {
    // The chain is contiguous from 1, so step v→v+1 sits at index v-1.
    const step = list[v - 1];
    try {
      data = step.up(data);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      return fail('MIGRATION_FAILED', `Migration v${step.from}→v${step.to} failed: ${reason}`, {
        from: step.from,
        to: step.to,
        reason,
      });
    }
    if (data === undefined) {
      // Almost always a step that forgot to return: fail rather than store nothing.
      return fail('MIGRATION_FAILED', `Migration v${step.from}→v${step.to} returned nothing.`, {
        from: step.from,
        to: step.to,
      });
    }
  }
  return ok({ schemaVersion: target, appVersion: env.appVersion, savedAt: env.savedAt, data });
}
