import { describe, expect, it } from 'vitest';
import { draftFromModel, modelFromDraft, numberCell } from '../../../../src/lib/lp/model-draft';
import type { LpModel } from '../../../../src/core/lp/lp-model';

const model: LpModel = {
  sense: 'min',
  variables: [
    { name: 'a', objective: 0.1, lower: 0, upper: Number.POSITIVE_INFINITY, integer: false },
    { name: 'b', objective: -2, lower: -5, upper: 7.5, integer: true },
    { name: 'c', objective: 0, lower: Number.NEGATIVE_INFINITY, upper: Number.POSITIVE_INFINITY, integer: false },
  ],
  constraints: [
    { name: 'r1', terms: { a: 1, b: 0.05 }, op: '>=', rhs: 1234.5 },
    { name: 'r2', terms: { c: -1 }, op: '=', rhs: 0 },
  ],
};

describe('the table editor draft', () => {
  it.each(['en-US', 'de-DE', 'fr-FR', 'zh-CN'])('turns a model into cells and back unchanged (%s)', (locale) => {
    const back = modelFromDraft(draftFromModel(model, locale), locale);
    expect(back.ok && back.value).toEqual({ ...model, name: undefined, objectiveName: undefined });
  });

  it('writes cells in the locale with full precision and no grouping', () => {
    expect(numberCell(1234.5, 'de-DE')).toBe('1234,5');
    expect(numberCell(-0.1, 'en-US')).toBe('−0.1');
    expect(numberCell(Number.POSITIVE_INFINITY, 'en-US')).toBe('∞');
  });

  it('keeps the title and the objective name', () => {
    const named = { ...model, name: 'plan', objectiveName: 'revenue' };
    const back = modelFromDraft(draftFromModel(named, 'en-US'), 'en-US');
    expect(back.ok && [back.value.name, back.value.objectiveName]).toEqual(['plan', 'revenue']);
  });

  it('keeps a renamed variable in its rows', () => {
    const draft = draftFromModel(model, 'en-US');
    draft.variables[0].name = 'direct';
    const back = modelFromDraft(draft, 'en-US');
    expect(back.ok && back.value.constraints[0].terms).toEqual({ direct: 1, b: 0.05 });
  });

  it('names the row and field of a cell that is not a number', () => {
    const draft = draftFromModel(model, 'en-US');
    draft.constraints[1].rhs = '12a';
    const back = modelFromDraft(draft, 'en-US');
    expect(back.ok ? null : back.error).toMatchObject({ code: 'LP_MODEL_NUMBER', params: { name: 'r2', field: 'rhs', text: '12a' } });
  });

  it('reads empty bounds as 0 and no limit, and an empty coefficient as absent', () => {
    const draft = draftFromModel(model, 'en-US');
    draft.variables[1].lower = '';
    draft.variables[1].upper = ' ';
    draft.constraints[0].coefficients[draft.variables[1].id] = '';
    const back = modelFromDraft(draft, 'en-US');
    expect(back.ok && back.value.variables[1]).toMatchObject({ lower: 0, upper: Number.POSITIVE_INFINITY });
    expect(back.ok && back.value.constraints[0].terms).toEqual({ a: 1 });
  });

  it('passes the model check: an empty name is refused', () => {
    const draft = draftFromModel(model, 'en-US');
    draft.constraints[0].name = '  ';
    const back = modelFromDraft(draft, 'en-US');
    expect(back.ok ? null : back.error.code).toBe('LP_MODEL_NAME_EMPTY');
  });
});
