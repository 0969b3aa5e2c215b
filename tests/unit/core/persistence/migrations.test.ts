import { describe, expect, it } from 'vitest';
import { MIGRATIONS, migrateEnvelope, validateMigrations, type Migration } from '../../../../src/core/persistence/migrations';
import { CURRENT_SCHEMA_VERSION, wrapEnvelope, type Envelope } from '../../../../src/core/persistence/schema';

// A synthetic history: v1 { a } → v2 { a, b } → v3 { total }.
const SYNTHETIC: Migration[] = [
  { from: 1, to: 2, up: (data) => ({ ...(data as { a: number }), b: 10 }) },
  {
    from: 2,
    to: 3,
    up: (data) => {
      const { a, b } = data as { a: number; b: number };
      return { total: a + b };
    },
  },
];

function envelopeAt(schemaVersion: number, data: unknown): Envelope<unknown> {
  return { schemaVersion, appVersion: '0.0.1', savedAt: '2024-01-02T03:04:05.000Z', data };
}

describe('validateMigrations', () => {
  it('accepts the shipped list', () => {
    expect(validateMigrations(MIGRATIONS)).toEqual({ ok: true, value: undefined });
  });

  it('accepts an empty list only at v1', () => {
    expect(validateMigrations([], 1).ok).toBe(true);
    const result = validateMigrations([], 2);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe('MIGRATIONS_INVALID');
  });

  it('accepts a contiguous chain ending at the target', () => {
    expect(validateMigrations(SYNTHETIC, 3).ok).toBe(true);
  });

  it('catches a gap', () => {
    const gap: Migration[] = [SYNTHETIC[0], { from: 3, to: 4, up: (d) => d }];
    const result = validateMigrations(gap, 4);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.params).toMatchObject({ index: 1, from: 3, expected: 2 });
  });

  it('catches a chain not starting at 1', () => {
    expect(validateMigrations([{ from: 2, to: 3, up: (d) => d }], 3).ok).toBe(false);
  });

  it('catches a step of more than one version', () => {
    expect(validateMigrations([{ from: 1, to: 3, up: (d) => d }], 3).ok).toBe(false);
  });

  it('catches a chain ending before or after the target', () => {
    const short = validateMigrations(SYNTHETIC, 4);
    expect(short.ok).toBe(false);
    if (!short.ok) expect(short.error.params).toMatchObject({ end: 3, target: 4 });
    expect(validateMigrations(SYNTHETIC, 2).ok).toBe(false);
  });
});

describe('migrateEnvelope', () => {
  it('returns a current envelope unchanged (as a copy) with the shipped list', () => {
    const env = wrapEnvelope({ x: 1 }, '2024-05-06T00:00:00.000Z');
    const result = migrateEnvelope(env);
    expect(result).toEqual({ ok: true, value: env });
    if (result.ok) expect(result.value).not.toBe(env);
  });

  it('migrates step by step from v1 to v3', () => {
    const env = envelopeAt(1, { a: 5 });
    const result = migrateEnvelope(env, SYNTHETIC, 3);
    expect(result).toEqual({
      ok: true,
      value: { schemaVersion: 3, appVersion: '0.0.1', savedAt: '2024-01-02T03:04:05.000Z', data: { total: 15 } },
    });
    expect(env).toEqual(envelopeAt(1, { a: 5 })); // input untouched
  });

  it('starts in the middle of the chain', () => {
    const result = migrateEnvelope(envelopeAt(2, { a: 1, b: 2 }), SYNTHETIC, 3);
    expect(result.ok && result.value.data).toEqual({ total: 3 });
  });

  it('refuses a record written by a newer schema', () => {
    const result = migrateEnvelope(envelopeAt(CURRENT_SCHEMA_VERSION + 1, {}));
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('SCHEMA_TOO_NEW');
      expect(result.error.params).toEqual({ found: CURRENT_SCHEMA_VERSION + 1, supported: CURRENT_SCHEMA_VERSION });
    }
    const beyond = migrateEnvelope(envelopeAt(4, {}), SYNTHETIC, 3);
    expect(!beyond.ok && beyond.error.code).toBe('SCHEMA_TOO_NEW');
  });

  it('reports a throwing step as MIGRATION_FAILED', () => {
    const broken: Migration[] = [
      SYNTHETIC[0],
      {
        from: 2,
        to: 3,
        up: () => {
          throw new Error('column b unreadable');
        },
      },
    ];
    const result = migrateEnvelope(envelopeAt(1, { a: 1 }), broken, 3);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('MIGRATION_FAILED');
      expect(result.error.params).toMatchObject({ from: 2, to: 3, reason: 'column b unreadable' });
    }
  });

  it('reports a step returning nothing as MIGRATION_FAILED', () => {
    const forgetful: Migration[] = [{ from: 1, to: 2, up: () => undefined }];
    const result = migrateEnvelope(envelopeAt(1, {}), forgetful, 2);
    expect(!result.ok && result.error.code).toBe('MIGRATION_FAILED');
  });

  it('reports unknown versions and broken lists as MIGRATION_FAILED', () => {
    for (const version of [0, -1, 1.5]) {
      const result = migrateEnvelope(envelopeAt(version, {}));
      expect(!result.ok && result.error.code).toBe('MIGRATION_FAILED');
    }
    const gap = migrateEnvelope(envelopeAt(1, { a: 1 }), [SYNTHETIC[0]], 3);
    expect(!gap.ok && gap.error.code).toBe('MIGRATION_FAILED');
  });
});
