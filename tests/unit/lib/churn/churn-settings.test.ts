import { describe, expect, it } from 'vitest';
import { checkChurnSettings, columnSelection, DEFAULT_SETTINGS, isTicked, type ChurnSettings } from '../../../../src/lib/churn/churn-settings';
import type { ColumnFlag } from '../../../../src/core/churn/column-flags';

const COLUMNS = ['customerID', 'tenure', 'MonthlyCharges', 'Churn'];
const settings = (change: Partial<ChurnSettings> = {}): ChurnSettings => ({ ...structuredClone(DEFAULT_SETTINGS), ...change });

describe('checkChurnSettings', () => {
  it('turns the defaults into the engine’s options: 100 trees, seed 42, 20% held out, mean fill', () => {
    expect(checkChurnSettings(Object.freeze(settings()), COLUMNS)).toEqual({
      ok: true,
      options: { trees: 100, seed: 42, testFraction: 0.2, classWeight: null, fill: 'mean', derived: [] },
      folds: null,
    });
  });

  it('asks for no cross-validation by default, and for the folds when it is ticked', () => {
    expect(DEFAULT_SETTINGS).toMatchObject({ crossValidate: false, folds: 5 });
    const checked = checkChurnSettings(settings({ crossValidate: true }), COLUMNS);
    expect(checked.ok && checked.folds).toBe(5);
    for (const folds of [2, 10]) expect(checkChurnSettings(settings({ crossValidate: true, folds }), COLUMNS)).toMatchObject({ ok: true, folds });
  });

  it('checks the folds (a whole number 2..10) only when cross-validation is on', () => {
    const fields = (change: Partial<ChurnSettings>) => {
      const checked = checkChurnSettings(settings(change), COLUMNS);
      return checked.ok ? [] : checked.problems.map((p) => `${p.field}:${p.message}`);
    };
    for (const folds of [1, 11, 2.5, undefined]) {
      expect(fields({ crossValidate: true, folds })).toEqual(['folds:churn.settings.foldsInvalid']);
      expect(checkChurnSettings(settings({ crossValidate: false, folds }), COLUMNS)).toMatchObject({ ok: true, folds: null });
    }
  });

  it('maps balanced class weights and the median fill', () => {
    const checked = checkChurnSettings(settings({ balanced: true, fill: 'median' }), COLUMNS);
    expect(checked.ok && checked.options.classWeight).toBe('balanced');
    expect(checked.ok && checked.options.fill).toBe('median');
  });

  it('accepts the bounds: 1 and 500 trees, seed 0 and 2^32−1, share 0.05 and 0.5', () => {
    for (const change of [{ trees: 1 }, { trees: 500 }, { seed: 0 }, { seed: 4_294_967_295 }, { testShare: 0.05 }, { testShare: 0.5 }]) {
      expect(checkChurnSettings(settings(change), COLUMNS).ok).toBe(true);
    }
  });

  it('names each field out of range, empty or not whole', () => {
    const fields = (change: Partial<ChurnSettings>) => {
      const checked = checkChurnSettings(settings(change), COLUMNS);
      return checked.ok ? [] : checked.problems.map((p) => `${p.field}:${p.message}`);
    };
    expect(fields({ trees: 0 })).toEqual(['trees:churn.settings.treesInvalid']);
    expect(fields({ trees: 501 })).toEqual(['trees:churn.settings.treesInvalid']);
    expect(fields({ trees: 10.5 })).toEqual(['trees:churn.settings.treesInvalid']);
    expect(fields({ trees: undefined })).toEqual(['trees:churn.settings.treesInvalid']);
    expect(fields({ seed: -1 })).toEqual(['seed:churn.settings.seedInvalid']);
    expect(fields({ seed: 4_294_967_296 })).toEqual(['seed:churn.settings.seedInvalid']);
    expect(fields({ testShare: 0.04 })).toEqual(['testShare:churn.settings.testShareInvalid']);
    expect(fields({ testShare: 0.51 })).toEqual(['testShare:churn.settings.testShareInvalid']);
    expect(fields({ testShare: undefined, seed: undefined })).toEqual(['seed:churn.settings.seedInvalid', 'testShare:churn.settings.testShareInvalid']);
  });

  it('passes derived features on with trimmed names', () => {
    const checked = checkChurnSettings(settings({ derived: [{ name: ' tenure_x_charges ', left: 'tenure', operation: 'product', right: 'MonthlyCharges' }] }), COLUMNS);
    expect(checked).toEqual({
      ok: true,
      options: expect.objectContaining({ derived: [{ name: 'tenure_x_charges', left: 'tenure', right: 'MonthlyCharges', operation: 'product' }] }),
      folds: null,
    });
  });

  it('refuses a derived feature without a name, with a column’s or another feature’s name, or without both columns', () => {
    const draft = { name: 'ratio', left: 'tenure', operation: 'ratio' as const, right: 'MonthlyCharges' };
    const checked = checkChurnSettings(
      settings({
        derived: [
          { ...draft, name: '  ' },
          { ...draft, name: 'tenure' },
          draft,
          { ...draft, name: 'ratio' },
          { ...draft, name: 'half', right: '' },
        ],
      }),
      COLUMNS,
    );
    expect(checked.ok).toBe(false);
    if (checked.ok) return;
    expect(checked.problems).toEqual([
      { field: 'derived', index: 0, message: 'churn.derived.nameMissing' },
      { field: 'derived', index: 1, message: 'churn.derived.nameTaken' },
      { field: 'derived', index: 3, message: 'churn.derived.nameTaken' },
      { field: 'derived', index: 4, message: 'churn.derived.columnsMissing' },
    ]);
  });
});

describe('isTicked and columnSelection', () => {
  const flags: ColumnFlag[] = [
    { column: 'customerID', reason: 'id' },
    { column: 'Score', reason: 'leak', separation: 1 },
  ];
  const columns = ['customerID', 'tenure', 'MonthlyCharges', 'Score'];

  it('ticks ordinary columns and leaves flagged ones unticked by default', () => {
    expect(columns.map((c) => isTicked(c, flags, {}))).toEqual([false, true, true, false]);
    expect(columnSelection(columns, flags, {})).toEqual({ include: [], exclude: [] });
  });

  it('includes flagged columns the user ticked and excludes ordinary ones the user unticked', () => {
    const choices = { Score: true, MonthlyCharges: false, tenure: true, customerID: false };
    expect(columnSelection(columns, flags, choices)).toEqual({ include: ['Score'], exclude: ['MonthlyCharges'] });
  });
});
