import { describe, expect, it } from 'vitest';
import { validateLpModel } from '../../../../src/core/lp/validate-lp-model';
import { toGlpkProblem } from '../../../../src/core/lp/to-glpk';
import type { LpModel } from '../../../../src/core/lp/lp-model';
import { glpkNode } from '../../../helpers/lp';

/** max x + y s.t. c: x + y <= 4, with the variable x and the row c renamed as asked. */
function model(variable = 'x', row = 'c', extra: Partial<LpModel> = {}): LpModel {
  const terms: Record<string, number> = Object.create(null);
  terms[variable] = 1;
  terms.y = 1;
  return { sense: 'max', variables: [{ name: variable, objective: 1 }, { name: 'y', objective: 1 }], constraints: [{ name: row, terms, op: '<=', rhs: 4 }], ...extra };
}

const codeOf = (m: LpModel) => {
  const result = validateLpModel(m);
  return result.ok ? 'ok' : result.error.code;
};

/** Words of the LP format: a name equal to one (in any case) breaks the reader. */
const KEYWORDS = [
  'end', 'End', 'END',
  'bounds', 'Bound',
  'binary', 'Binaries', 'bin',
  'general', 'Generals', 'gen', 'integer', 'INTEGERS',
  'st', 'S.T.', 'st.', 'subject', 'such',
  'free', 'inf', 'Infinity',
  'max', 'maximize', 'Maximise', 'maximum', 'min', 'MINIMIZE', 'minimise', 'minimum',
  'semi', 'semis', 'sos',
];

describe('validateLpModel: names', () => {
  it('counts the 255 that GLPK allows in UTF-8 bytes, not characters', () => {
    // A Chinese character is 3 bytes: 85 of them are 255 bytes, 86 are 258.
    expect(codeOf(model('预'.repeat(85)))).toBe('ok');
    expect(codeOf(model('x'.repeat(255)))).toBe('ok');
    expect(codeOf(model('预'.repeat(86)))).toBe('LP_MODEL_NAME_LONG');
    expect(codeOf(model('x', '预'.repeat(86)))).toBe('LP_MODEL_NAME_LONG');
    expect(codeOf(model('x'.repeat(256)))).toBe('LP_MODEL_NAME_LONG');
    // é is 2 bytes: 128 of them are 256.
    expect(codeOf(model('é'.repeat(128)))).toBe('LP_MODEL_NAME_LONG');
    const result = validateLpModel(model('预'.repeat(86)));
    expect(result.ok ? null : result.error.params).toMatchObject({ max: 255, bytes: 258 });
  });

  it('lets GLPK solve a name of exactly 255 bytes (the refused 258 would abort it)', () => {
    const m = model('预'.repeat(85), '预'.repeat(85), { name: '预'.repeat(85) });
    expect(codeOf(m)).toBe('ok');
    const { result } = glpkNode.solve(toGlpkProblem(m, glpkNode) as never, { msglev: glpkNode.GLP_MSG_OFF });
    expect([result.status, result.z]).toEqual([glpkNode.GLP_OPT, 4]);
  });

  it('refuses __proto__, which a plain object (glpk.js results) cannot keep as a key', () => {
    expect(codeOf(model('__proto__'))).toBe('LP_MODEL_NAME_RESERVED');
    expect(codeOf(model('x', '__proto__'))).toBe('LP_MODEL_NAME_RESERVED');
    // Other names of Object.prototype are ordinary own keys once assigned.
    expect(codeOf(model('constructor', 'toString'))).toBe('ok');
  });

  it.each(KEYWORDS)('refuses the LP keyword %s as a variable or a constraint name', (word) => {
    expect(codeOf(model(word))).toBe('LP_MODEL_NAME_RESERVED');
    expect(codeOf(model('x', word))).toBe('LP_MODEL_NAME_RESERVED');
  });

  it('accepts names that only contain a keyword', () => {
    expect(codeOf(model('end_1', 'bounds_total'))).toBe('ok');
    expect(codeOf(model('infx', 'maxi'))).toBe('ok');
  });

  it('refuses [ and ], which glpsol and CPLEX do not read in a name', () => {
    expect(codeOf(model('a[1]'))).toBe('LP_MODEL_NAME_INVALID');
  });

  it('checks the objective name as a name, since it is written into LP text', () => {
    expect(codeOf(model('x', 'c', { objectiveName: 'total_revenue' }))).toBe('ok');
    expect(codeOf(model('x', 'c', { objectiveName: 'total revenue' }))).toBe('LP_MODEL_NAME_INVALID');
    expect(codeOf(model('x', 'c', { objectiveName: 'end' }))).toBe('LP_MODEL_NAME_RESERVED');
    expect(codeOf(model('x', 'c', { objectiveName: '' }))).toBe('LP_MODEL_NAME_EMPTY');
  });

  it('checks the title as GLPK takes it: any text on one line, at most 255 bytes', () => {
    expect(codeOf(model('x', 'c', { name: 'Plan 2025 · 预算 (draft)' }))).toBe('ok');
    expect(codeOf(model('x', 'c', { name: '预'.repeat(86) }))).toBe('LP_MODEL_NAME_LONG');
    expect(codeOf(model('x', 'c', { name: 'two\nlines' }))).toBe('LP_MODEL_TITLE_INVALID');
    expect(codeOf(model('x', 'c', { name: 'a\tb' }))).toBe('LP_MODEL_TITLE_INVALID');
  });
});
