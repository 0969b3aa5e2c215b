import { describe, expect, it } from 'vitest';
import { learnBayes, type LearnBayesOptions } from '../../../../src/core/bayes/learn-bayes';
import { MISSING_LEVEL_KEY, type LearnedBayes } from '../../../../src/core/bayes/learned-bayes';
import type { Dataset } from '../../../../src/core/data/dataset';
import { parseCsv } from '../../../../src/core/data/parse-csv';

function csv(text: string): Dataset {
  const parsed = parseCsv(text);
  if (!parsed.ok) throw new Error(parsed.error.message);
  return parsed.value;
}

/**
 * 11 rows; the last has no outcome and is left out (its service "excellent" and tenure 40
 * must not become a level or stretch a bin). Of the 10 used: 6 yes, 4 no.
 * service: good = 4 yes + 1 no; bad = 1 yes + 3 no; missing = 1 yes.
 * tenure (used rows, sorted): 1 2 3 5 8 12 20 24 30, one missing (a yes).
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

function learnRenewals(options: Partial<LearnBayesOptions> = {}): LearnedBayes {
  const learned = learnBayes(csv(RENEWALS), { outcome: 'renewed', positive: 'yes', evidence: ['service', 'tenure'], ...options });
  if (!learned.ok) throw new Error(learned.error.message);
  return learned.value;
}

describe('learnBayes: prior', () => {
  it('counts classes, leaves out rows with no outcome, smooths the prior', () => {
    const learned = learnRenewals();
    expect(learned.rows).toEqual({ total: 11, used: 10, missingOutcome: 1 });
    expect(learned.positive).toBe('yes');
    expect(learned.negativeValues).toEqual(['no']);
    // (6 + 1) / (10 + 2) = 7/12 = 0.583333; raw 6/10
    expect(learned.prior).toMatchObject({ positive: 6, negative: 4, total: 10, observed: 0.6 });
    expect(learned.prior.probability).toBeCloseTo(7 / 12, 12);
  });

  it('finds the positive value ignoring case, and by meaning in a yes/no column', () => {
    expect(learnRenewals({ positive: 'YES' }).positive).toBe('yes');
    expect(learnRenewals({ positive: 'true' }).positive).toBe('yes');
    // 'false' means no: then 'no' is positive, 4 of 10 → (4 + 1) / 12
    const flipped = learnRenewals({ positive: 'false' });
    expect(flipped.positive).toBe('no');
    expect(flipped.prior.probability).toBeCloseTo(5 / 12, 12);
  });

  it('counts any other outcome value as negative (one value against the rest)', () => {
    const learned = learnBayes(csv('plan,region\nbasic,N\npro,N\nteam,S\nbasic,S\nbasic,N\n'), { outcome: 'plan', positive: 'basic', evidence: ['region'] });
    if (!learned.ok) throw new Error(learned.error.message);
    // basic 3, others 2 → (3 + 1) / (5 + 2) = 4/7
    expect(learned.value.negativeValues).toEqual(['pro', 'team']);
    expect(learned.value.prior.probability).toBeCloseTo(4 / 7, 12);
  });

  it('works with a 0/1 number outcome', () => {
    const learned = learnBayes(csv('churn,contract\n1,monthly\n0,yearly\n1,monthly\n0,monthly\n'), { outcome: 'churn', positive: '1', evidence: ['contract'] });
    if (!learned.ok) throw new Error(learned.error.message);
    // 2 of 4 positive: (2 + 1) / 6 = 0.5. monthly: 2 pos, 1 neg; K = 2 → P(m | 1) = 3/4, P(m | 0) = 2/4
    // posterior = 0.5·0.75 / (0.375 + 0.25) = 0.6
    expect(learned.value.prior.probability).toBeCloseTo(0.5, 12);
    expect(learned.value.evidence[0].levels[0]).toMatchObject({ key: 'monthly', countPositive: 2, countNegative: 1 });
    expect(learned.value.evidence[0].levels[0].posterior).toBeCloseTo(0.6, 12);
  });
});

describe('learnBayes: a category column with a missing level', () => {
  const service = learnRenewals().evidence[0];

  it('has the levels good, bad and missing, most frequent first', () => {
    expect(service.column).toBe('service');
    expect(service.kind).toBe('category');
    expect(service.missing).toBe(1);
    expect(service.levels.map((l) => [l.key, l.label, l.kind, l.countPositive, l.countNegative, l.count])).toEqual([
      ['good', 'good', 'value', 4, 1, 5],
      ['bad', 'bad', 'value', 1, 3, 4],
      [MISSING_LEVEL_KEY, 'missing', 'missing', 1, 0, 1],
    ]);
  });

  it('smooths the likelihoods with K = 3 levels', () => {
    const [good, bad, missing] = service.levels;
    // P(good | yes) = (4 + 1) / (6 + 3) = 5/9; P(good | no) = (1 + 1) / (4 + 3) = 2/7
    expect(good.pGivenPositive).toBeCloseTo(5 / 9, 12);
    expect(good.pGivenNegative).toBeCloseTo(2 / 7, 12);
    // bad: (1 + 1)/9 = 2/9, (3 + 1)/7 = 4/7; missing: (1 + 1)/9 = 2/9, (0 + 1)/7 = 1/7
    expect(bad.pGivenPositive).toBeCloseTo(2 / 9, 12);
    expect(bad.pGivenNegative).toBeCloseTo(4 / 7, 12);
    expect(missing.pGivenPositive).toBeCloseTo(2 / 9, 12);
    expect(missing.pGivenNegative).toBeCloseTo(1 / 7, 12);
    // Each class's likelihoods add up to 1: 5/9 + 2/9 + 2/9; 2/7 + 4/7 + 1/7
    expect(service.levels.reduce((s, l) => s + l.pGivenPositive, 0)).toBeCloseTo(1, 12);
    expect(service.levels.reduce((s, l) => s + l.pGivenNegative, 0)).toBeCloseTo(1, 12);
  });

  it('gives each level its single-evidence posterior and lift', () => {
    const [good, bad, missing] = service.levels;
    // good: 7/12·5/9 = 35/108 = 245/756; 5/12·2/7 = 5/42 = 90/756 → 245/335 = 49/67 = 0.731343
    expect(good.posterior).toBeCloseTo(49 / 67, 12);
    // lift = (49/67) / (7/12) = 84/67 = 1.253731
    expect(good.lift).toBeCloseTo(84 / 67, 12);
    // bad: 7/12·2/9 = 7/54 = 49/378; 5/12·4/7 = 5/21 = 90/378 → 49/139 = 0.352518
    expect(bad.posterior).toBeCloseTo(49 / 139, 12);
    // missing: 7/54 = 98/756; 5/12·1/7 = 5/84 = 45/756 → 98/143 = 0.685315
    expect(missing.posterior).toBeCloseTo(98 / 143, 12);
    expect(good.observedRate).toBeCloseTo(4 / 5, 12);
  });

  it('flags a level never seen in one class', () => {
    expect(service.levels.map((l) => l.zeroIn)).toEqual([null, null, 'negative']);
  });
});

describe('learnBayes: a number column in quartiles', () => {
  const tenure = learnRenewals().evidence[1];

  it('cuts quartiles of the used rows only (the left-out row 40 does not stretch the top bin)', () => {
    // 9 values 1 2 3 5 8 12 20 24 30, h = 8q: q=.25 → h=2 → 3; q=.5 → h=4 → 8; q=.75 → h=6 → 20
    expect(tenure.kind).toBe('number');
    expect(tenure.edges).toEqual([1, 3, 8, 20, 30]);
    expect(tenure.levels.map((l) => l.label)).toEqual(['[1, 3]', '(3, 8]', '(8, 20]', '(20, 30]', 'missing']);
    expect(tenure.levels.map((l) => l.key)).toEqual(['bin:0', 'bin:1', 'bin:2', 'bin:3', MISSING_LEVEL_KEY]);
    expect(tenure.levels[1].bin).toEqual({ index: 1, lower: 3, upper: 8, lowerIncluded: false });
  });

  it('counts per bin and class', () => {
    // [1,3]: 1 no, 2 yes, 3 no; (3,8]: 5 yes, 8 no; (8,20]: 12 yes, 20 no; (20,30]: 24 yes, 30 yes; missing: 1 yes
    expect(tenure.levels.map((l) => [l.countPositive, l.countNegative])).toEqual([
      [1, 2],
      [1, 1],
      [1, 1],
      [2, 0],
      [1, 0],
    ]);
    expect(tenure.missing).toBe(1);
    expect(tenure.levels.map((l) => l.zeroIn)).toEqual([null, null, null, 'negative', 'negative']);
  });

  it('smooths with K = 5 levels', () => {
    const top = tenure.levels[3];
    // P(top | yes) = (2 + 1) / (6 + 5) = 3/11; P(top | no) = (0 + 1) / (4 + 5) = 1/9
    expect(top.pGivenPositive).toBeCloseTo(3 / 11, 12);
    expect(top.pGivenNegative).toBeCloseTo(1 / 9, 12);
    // 7/12·3/11 = 7/44 = 189/1188; 5/12·1/9 = 5/108 = 55/1188 → 189/244 = 0.774590
    expect(top.posterior).toBeCloseTo(189 / 244, 12);
    // bottom: (1 + 1)/11 = 2/11, (2 + 1)/9 = 1/3
    expect(tenure.levels[0].pGivenPositive).toBeCloseTo(2 / 11, 12);
    expect(tenure.levels[0].pGivenNegative).toBeCloseTo(1 / 3, 12);
  });

  it('asks for fewer bins when told, and merges bins that ties collapse', () => {
    // 2 bins: median of the 9 values is 8 → [1, 8], (8, 30]
    expect(learnRenewals({ bins: 2 }).evidence[1].levels.map((l) => l.label)).toEqual(['[1, 8]', '(8, 30]', 'missing']);
    // x: 1 1 1 1 1 1 2 3 4 5 6 (6 distinct > 4 bins). n = 11, h = 10q: q=.25 → h=2.5 → 1; q=.5 → h=5 → 1;
    // q=.75 → h=7.5 → 3 + 0.5·(4 − 3) = 3.5; q=1 → 6. Edges 1, 1, 1, 3.5, 6 → distinct 1, 3.5, 6: two bins
    const tied = learnBayes(csv('y,x\na,1\na,1\nb,1\na,1\nb,1\nb,1\na,2\nb,3\na,4\na,5\nb,6\n'), { outcome: 'y', positive: 'a', evidence: ['x'] });
    if (!tied.ok) throw new Error(tied.error.message);
    // [1, 3.5]: the six 1s (a a b a b b) + 2 (a) + 3 (b) → 4 a, 4 b; (3.5, 6]: 4 a, 5 a, 6 b → 2 a, 1 b
    expect(tied.value.evidence[0].edges).toEqual([1, 3.5, 6]);
    expect(tied.value.evidence[0].levels.map((l) => [l.label, l.countPositive, l.countNegative])).toEqual([
      ['[1, 3.5]', 4, 4],
      ['(3.5, 6]', 2, 1],
    ]);
  });

  it('takes a number column with no more distinct values than bins value by value (a 0/1 flag stays two levels)', () => {
    // senior: 0 0 0 0 0 0 1 1 — quartiles would be 0, 0, 0, 0.25, 1 and merge everything into [0, 1]
    const flag = learnBayes(csv('y,senior\na,0\na,0\nb,0\na,0\nb,0\na,0\nb,1\nb,1\n'), { outcome: 'y', positive: 'a', evidence: ['senior'] });
    if (!flag.ok) throw new Error(flag.error.message);
    const senior = flag.value.evidence[0];
    expect(senior.kind).toBe('number');
    expect(senior.edges).toEqual([]);
    // 0: a a b a b a → 4 a, 2 b; 1: b b → 0 a, 2 b
    expect(senior.levels.map((l) => [l.key, l.label, l.kind, l.value, l.countPositive, l.countNegative])).toEqual([
      ['0', '0', 'value', 0, 4, 2],
      ['1', '1', 'value', 1, 0, 2],
    ]);
    // prior (4 + 1)/(8 + 2) = 1/2; P(1 | a) = (0 + 1)/(4 + 2) = 1/6, P(1 | b) = (2 + 1)/(4 + 2) = 1/2
    // posterior = 0.5·1/6 / (1/12 + 1/4) = (1/12)/(4/12) = 1/4
    expect(senior.levels[1].posterior).toBeCloseTo(0.25, 12);
    expect(senior.levels[1].zeroIn).toBe('positive');
  });

  it('bins dates with dates as labels', () => {
    const learned = learnBayes(csv('y,since\na,2024-01-01\nb,2024-01-03\na,2024-01-05\n'), { outcome: 'y', positive: 'a', evidence: ['since'], bins: 2 });
    if (!learned.ok) throw new Error(learned.error.message);
    // median of Jan 1, 3, 5 is Jan 3
    expect(learned.value.evidence[0].kind).toBe('date');
    expect(learned.value.evidence[0].levels.map((l) => l.label)).toEqual(['[2024-01-01, 2024-01-03]', '(2024-01-03, 2024-01-05]']);
  });
});

describe('learnBayes: errors', () => {
  const data = csv(RENEWALS);

  function errorOf(options: Partial<LearnBayesOptions>, dataset = data) {
    const learned = learnBayes(dataset, { outcome: 'renewed', positive: 'yes', evidence: ['service'], ...options });
    if (learned.ok) throw new Error('expected an error');
    return learned.error;
  }

  it('an outcome with one value', () => {
    const error = errorOf({}, csv('renewed,service\nyes,good\nyes,bad\n,good\n'));
    expect(error.code).toBe('OUTCOME_SINGLE_VALUE');
    expect(error.params).toEqual({ column: 'renewed', value: 'yes' });
  });

  it('a positive value the outcome does not have', () => {
    const error = errorOf({ positive: 'maybe' });
    expect(error.code).toBe('POSITIVE_NOT_FOUND');
    expect(error.params).toEqual({ column: 'renewed', value: 'maybe', values: '"yes", "no"' });
  });

  it('no evidence, the outcome as evidence, a missing column', () => {
    expect(errorOf({ evidence: [] }).code).toBe('NO_EVIDENCE');
    expect(errorOf({ evidence: ['service', 'renewed'] })).toMatchObject({ code: 'EVIDENCE_IS_OUTCOME', params: { column: 'renewed' } });
    expect(errorOf({ evidence: ['price'] })).toMatchObject({ code: 'COLUMN_NOT_FOUND', params: { column: 'price' } });
    expect(errorOf({ outcome: 'churn' })).toMatchObject({ code: 'COLUMN_NOT_FOUND', params: { column: 'churn' } });
  });

  it('a category column with more than 50 values', () => {
    // 60 rows, each with its own code c1..c60
    const rows = Array.from({ length: 60 }, (_, i) => `${i % 2 ? 'yes' : 'no'},c${i + 1}`).join('\n');
    const error = errorOf({ evidence: ['code'] }, csv(`renewed,code\n${rows}\n`));
    expect(error).toMatchObject({ code: 'EVIDENCE_TOO_MANY_LEVELS', params: { column: 'code', count: 60, max: 50 } });
  });

  it('no rows with an outcome', () => {
    const error = errorOf({}, csv('renewed,service\n,good\n,bad\n'));
    expect(error).toMatchObject({ code: 'OUTCOME_NO_ROWS', params: { column: 'renewed', missing: 2 } });
  });

  it('a bad number of bins', () => {
    for (const bins of [1, 2.5, 21]) expect(errorOf({ bins }).code).toBe('BINS_INVALID');
  });

  it('a repeated evidence column counts once', () => {
    expect(learnRenewals({ evidence: ['service', 'service'] }).evidence.map((e) => e.column)).toEqual(['service']);
  });
});
