import { describe, expect, it } from 'vitest';
import { learnBayes } from '../../../../src/core/bayes/learn-bayes';
import { MISSING_LEVEL_KEY, type LearnedBayes } from '../../../../src/core/bayes/learned-bayes';
import { levelOf } from '../../../../src/core/bayes/level-of';
import { posteriorFor } from '../../../../src/core/bayes/posterior-for';
import { parseCsv } from '../../../../src/core/data/parse-csv';

/**
 * The renewals of learn-bayes.test.ts: 6 yes, 4 no used (the last row has no outcome).
 * Learned there: prior 7/12; service good 5/9 vs 2/7, bad 2/9 vs 4/7, missing 2/9 vs 1/7;
 * tenure edges 1, 3, 8, 20, 30 with top bin (20, 30] 3/11 vs 1/9, bottom [1, 3] 2/11 vs 1/3.
 */
const RENEWALS = `renewed,service,tenure
yes,good,2
yes,good,5
yes,good,12
yes,bad,30
yes,,24
yes,good,
no,bad,1
no,bad,3
no,good,8
no,bad,20
,excellent,40
`;

function learned(): LearnedBayes {
  const dataset = parseCsv(RENEWALS);
  if (!dataset.ok) throw new Error(dataset.error.message);
  const result = learnBayes(dataset.value, { outcome: 'renewed', positive: 'yes', evidence: ['service', 'tenure'] });
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

describe('posteriorFor', () => {
  const model = learned();

  it('naive Bayes of two columns by hand: good service and tenure in (20, 30] → 147/169', () => {
    const combined = posteriorFor(model, { tenure: 'bin:3', service: 'good' });
    if (!combined.ok) throw new Error(combined.error.message);
    const { prior, posterior, steps } = combined.value;
    expect(prior).toBeCloseTo(7 / 12, 12);
    // Steps follow the learned column order: service first, then tenure.
    expect(steps.map((s) => [s.column, s.level, s.levelLabel])).toEqual([
      ['service', 'good', 'good'],
      ['tenure', 'bin:3', '(20, 30]'],
    ]);
    // Step 1: 7/12 → 49/67 (learn-bayes.test). Step 2 from 49/67 with 3/11 vs 1/9:
    // 49/67·3/11 = 147/737; 18/67·1/9 = 2/67 = 22/737 → 147/169 = 0.869822
    expect(steps[0].posterior).toBeCloseTo(49 / 67, 12);
    expect(steps[1].prior).toBeCloseTo(49 / 67, 12);
    expect(steps[1].jointPositive).toBeCloseTo(147 / 737, 12);
    expect(steps[1].jointNegative).toBeCloseTo(22 / 737, 12);
    expect(posterior).toBeCloseTo(147 / 169, 12);
    // Same in odds: 7/5 · (5/9 ÷ 2/7 = 35/18) · (3/11 ÷ 1/9 = 27/11) = 6615/990 = 147/22 → 147/169
    expect(combined.value.lift).toBeCloseTo(147 / 169 / (7 / 12), 12);
    expect(steps[1].label).toBe('tenure = (20, 30]');
  });

  it('evidence pulling both ways: bad service, bottom tenure', () => {
    // prior odds 7/5 · (2/9 ÷ 4/7 = 14/36 = 7/18) · (2/11 ÷ 1/3 = 6/11) = 7/5 · 7/18 · 6/11 = 294/990 = 49/165
    // posterior = 49 / (49 + 165) = 49/214 = 0.228972
    const combined = posteriorFor(model, { service: 'bad', tenure: 'bin:0' });
    expect(combined.ok && combined.value.posterior).toBeCloseTo(49 / 214, 12);
  });

  it('one column alone gives that level’s posterior; nothing chosen gives the prior', () => {
    const one = posteriorFor(model, { service: MISSING_LEVEL_KEY });
    // = the missing level's posterior 98/143
    expect(one.ok && one.value.posterior).toBeCloseTo(98 / 143, 12);
    const none = posteriorFor(model, {});
    expect(none.ok && none.value).toMatchObject({ steps: [], lift: 1 });
    expect(none.ok && none.value.posterior).toBeCloseTo(7 / 12, 12);
  });

  it('takes a column named like an Object property ("constructor") only when it is chosen', () => {
    // Service good alone: P(good | yes) = 5/9, P(good | no) = 2/7, prior 7/12:
    // 7/12·5/9 = 35/108 = 245/756 against 5/12·2/7 = 10/84 = 90/756 → posterior 245/335 = 49/67.
    const dataset = parseCsv(RENEWALS.replace('renewed,service,tenure', 'renewed,service,constructor'));
    if (!dataset.ok) throw new Error(dataset.error.message);
    const withOddName = learnBayes(dataset.value, { outcome: 'renewed', positive: 'yes', evidence: ['service', 'constructor'] });
    if (!withOddName.ok) throw new Error(withOddName.error.message);
    const combined = posteriorFor(withOddName.value, { service: 'good' });
    expect(combined.ok && combined.value.posterior).toBeCloseTo(49 / 67, 12);
  });

  it('rejects a column or level that was not learned', () => {
    const column = posteriorFor(model, { price: 'high' });
    expect(!column.ok && column.error).toMatchObject({ code: 'EVIDENCE_COLUMN_UNKNOWN', params: { column: 'price' } });
    const level = posteriorFor(model, { service: 'excellent' });
    expect(!level.ok && level.error).toMatchObject({ code: 'LEVEL_NOT_SEEN', params: { column: 'service', value: 'excellent' } });
  });
});

describe('levelOf', () => {
  const model = learned();
  const keyOf = (column: string, raw: string | number | null) => {
    const level = levelOf(model, column, raw);
    return level.ok ? level.value.key : level.error.code;
  };

  it('finds the bin of a number: lower < v ≤ upper, the ends clamped', () => {
    // edges 1, 3, 8, 20, 30
    expect([1, 3, 3.5, 8, 20.01, 30].map((v) => keyOf('tenure', v))).toEqual(['bin:0', 'bin:0', 'bin:1', 'bin:1', 'bin:3', 'bin:3']);
    expect(keyOf('tenure', -5)).toBe('bin:0');
    expect(keyOf('tenure', 40)).toBe('bin:3');
    expect(keyOf('tenure', '12')).toBe('bin:2');
  });

  it('finds categories exactly, else ignoring case and spaces', () => {
    expect(keyOf('service', 'good')).toBe('good');
    expect(keyOf('service', ' Bad ')).toBe('bad');
    expect(keyOf('service', 'excellent')).toBe('LEVEL_NOT_SEEN');
  });

  it('sends missing values to the missing level', () => {
    expect(keyOf('service', null)).toBe(MISSING_LEVEL_KEY);
    expect(keyOf('service', '')).toBe(MISSING_LEVEL_KEY);
    expect(keyOf('tenure', NaN)).toBe(MISSING_LEVEL_KEY);
    expect(keyOf('tenure', 'N/A')).toBe(MISSING_LEVEL_KEY);
  });

  it('says when there is no missing level, a value is not a number, or the column is unknown', () => {
    const complete = parseCsv('y,x\na,1\nb,2\n');
    if (!complete.ok) throw new Error(complete.error.message);
    const noMissing = learnBayes(complete.value, { outcome: 'y', positive: 'a', evidence: ['x'] });
    if (!noMissing.ok) throw new Error(noMissing.error.message);
    const missing = levelOf(noMissing.value, 'x', null);
    expect(!missing.ok && missing.error).toMatchObject({ code: 'LEVEL_NOT_SEEN', params: { column: 'x', value: 'missing' } });
    expect(keyOf('tenure', 'long')).toBe('VALUE_NOT_READABLE');
    expect(keyOf('price', 3)).toBe('EVIDENCE_COLUMN_UNKNOWN');
  });

  it('in a number column learned value by value, the number must be one of the values', () => {
    // x has 2 distinct values (≤ 4 bins), so its levels are "1" and "2"
    const data = parseCsv('y,x\na,1\nb,2\na,2\n');
    if (!data.ok) throw new Error(data.error.message);
    const model = learnBayes(data.value, { outcome: 'y', positive: 'a', evidence: ['x'] });
    if (!model.ok) throw new Error(model.error.message);
    const two = levelOf(model.value, 'x', '2');
    expect(two.ok && two.value.key).toBe('2');
    const between = levelOf(model.value, 'x', 1.5);
    expect(!between.ok && between.error.code).toBe('LEVEL_NOT_SEEN');
  });
});
