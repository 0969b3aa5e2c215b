import { describe, expect, it } from 'vitest';
import { vanWestendorp, type VanWestendorpAnswers } from '../../../../src/core/pricing/van-westendorp';
import { vanWestendorpFromDataset } from '../../../../src/core/pricing/van-westendorp-dataset';
import { parseCsv } from '../../../../src/core/data/parse-csv';

const EXACT = 12;

const answers = (rows: number[][]): VanWestendorpAnswers[] =>
  rows.map(([tooCheap, cheap, expensive, tooExpensive]) => ({ tooCheap, cheap, expensive, tooExpensive }));

// Five respondents: too cheap, cheap, expensive, too expensive
const SURVEY = [
  [10, 20, 35, 45],
  [10, 15, 20, 25],
  [5, 20, 35, 40],
  [5, 15, 25, 35],
  [20, 25, 40, 45],
];
// Counts out of 5 at each answered price (30 is nobody's answer, so it is not a point):
//   price  too cheap (≥ p)  cheap (≥ p)  expensive (≤ p)  too expensive (≤ p)
//     5          5              5             0                 0
//    10          3              5             0                 0
//    15          1              5             0                 0
//    20          1              3             1                 0
//    25          0              1             2                 1
//    35          0              0             4                 2
//    40          0              0             5                 3
//    45          0              0             5                 5
// not cheap = 5 − cheap, not expensive = 5 − expensive.
// PMC, too cheap − not cheap: 15 → 1 − 0 = 1; 20 → 1 − 2 = −1 → 15 + 5·1/(1 + 1) = 17.5
// PME, not expensive − too expensive: 25 → 3 − 1 = 2; 35 → 1 − 2 = −1 → 25 + 10·2/3 = 31.666…
// OPP, too cheap − too expensive: 20 → 1 − 0 = 1; 25 → 0 − 1 = −1 → 20 + 5·1/2 = 22.5
// IDP, not expensive − not cheap (= cheap − expensive): 20 → 3 − 1 = 2; 25 → 1 − 2 = −1 → 20 + 5·2/3 = 23.333…

describe('vanWestendorp', () => {
  it('price points of a five-respondent survey, by hand', () => {
    const r = vanWestendorp(answers(SURVEY));
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.pmc).toBeCloseTo(17.5, EXACT);
    expect(r.value.pme).toBeCloseTo(25 + 20 / 3, EXACT);
    expect(r.value.opp).toBeCloseTo(22.5, EXACT);
    expect(r.value.idp).toBeCloseTo(20 + 10 / 3, EXACT);
    expect(r.value.acceptableRange).toEqual([r.value.pmc, r.value.pme]);
    expect(r.value.respondents).toEqual({ total: 5, used: 5, dropped: { missing: 0, negative: 0, outOfOrder: 0 } });
  });

  it('curves as shares at each answered price', () => {
    const r = vanWestendorp(answers(SURVEY));
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.curves.map((c) => c.price)).toEqual([5, 10, 15, 20, 25, 35, 40, 45]);
    // price 20 (row 4 of the table): 1/5, 3/5, 1/5, 0/5; not cheap 2/5, not expensive 4/5
    const at20 = r.value.curves[3];
    expect(at20.tooCheap).toBeCloseTo(0.2, EXACT);
    expect(at20.cheap).toBeCloseTo(0.6, EXACT);
    expect(at20.expensive).toBeCloseTo(0.2, EXACT);
    expect(at20.tooExpensive).toBe(0);
    expect(at20.notCheap).toBeCloseTo(0.4, EXACT);
    expect(at20.notExpensive).toBeCloseTo(0.8, EXACT);
  });

  it('a crossing exactly at an answered price is that price', () => {
    // Answers 5/10/20/30, 10/15/25/35, 5/10/15/25, 10/20/30/40, 15/20/25/30; counts out of 5:
    //   price  too cheap  cheap  expensive  too expensive
    //     5        5        5        0          0
    //    10        3        5        0          0
    //    15        1        3        1          0
    //    20        0        2        2          0
    //    25        0        0        4          1
    //    30        0        0        5          3
    // PMC: 10 → 3 − 0 = 3; 15 → 1 − 2 = −1 → 10 + 5·3/4 = 13.75
    // PME: 20 → 3 − 0 = 3; 25 → 1 − 1 = 0 → 25
    // OPP: 15 → 1 − 0 = 1; 20 → 0 − 0 = 0 → 20
    // IDP (cheap − expensive): 15 → 3 − 1 = 2; 20 → 2 − 2 = 0 → 20
    const r = vanWestendorp(answers([[5, 10, 20, 30], [10, 15, 25, 35], [5, 10, 15, 25], [10, 20, 30, 40], [15, 20, 25, 30]]));
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.pmc).toBeCloseTo(13.75, EXACT);
    expect(r.value.pme).toBe(25);
    expect(r.value.opp).toBe(20);
    expect(r.value.idp).toBe(20);
  });

  it('leaves out missing, negative and out-of-order answers, counted by reason', () => {
    const rows = answers([...SURVEY, [NaN, 10, 20, 30], [-5, 10, 20, 30], [10, 5, 20, 30], [10, 20, 30, Infinity], [10, 20, 30, 25]]);
    const r = vanWestendorp(rows);
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.respondents).toEqual({ total: 10, used: 5, dropped: { missing: 2, negative: 1, outOfOrder: 2 } });
    expect(r.value.pmc).toBeCloseTo(17.5, EXACT); // the same five as above
  });

  it('equal answers are in order', () => {
    const r = vanWestendorp(answers([...SURVEY, [10, 10, 20, 20]]));
    expect(r.ok && r.value.respondents.used).toBe(6);
  });

  it('refuses fewer than five consistent respondents, saying how many and why', () => {
    const r = vanWestendorp(answers([...SURVEY.slice(0, 4), [10, 5, 20, 30], [NaN, 1, 2, 3]]));
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error).toMatchObject({
        code: 'VW_TOO_FEW_RESPONDENTS',
        params: { used: 4, total: 6, needed: 5, missing: 1, negative: 0, outOfOrder: 1 },
      });
    }
  });

  it('refuses answers so alike that the curves do not cross', () => {
    // Everyone answers 10 four times: at 10, too cheap = 5 and not cheap = 0, and there is no other price
    const r = vanWestendorp(answers(Array.from({ length: 5 }, () => [10, 10, 10, 10])));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatchObject({ code: 'VW_NO_CROSSING', params: { point: 'PMC' } });
  });
});

describe('vanWestendorpFromDataset', () => {
  it('reads four columns, an empty cell counting as a missing answer', () => {
    const csv = 'tc,c,e,te\n' + SURVEY.map((r) => r.join(',')).join('\n') + '\n10,,20,30\n';
    const dataset = parseCsv(csv);
    if (!dataset.ok) throw new Error(dataset.error.message);
    const r = vanWestendorpFromDataset(dataset.value, { tooCheap: 'tc', cheap: 'c', expensive: 'e', tooExpensive: 'te' });
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.respondents).toEqual({ total: 6, used: 5, dropped: { missing: 1, negative: 0, outOfOrder: 0 } });
    expect(r.value.pme).toBeCloseTo(25 + 20 / 3, EXACT);
  });

  it('keeps only the rows of one segment', () => {
    // the five SURVEY rows are segment A; two B rows are left out, so the points are those of SURVEY
    const csv = 'seg,tc,c,e,te\n' + SURVEY.map((r) => 'A,' + r.join(',')).join('\n') + '\nB,1,2,3,4\nB,9,8,7,6\n';
    const dataset = parseCsv(csv);
    if (!dataset.ok) throw new Error(dataset.error.message);
    const columns = { tooCheap: 'tc', cheap: 'c', expensive: 'e', tooExpensive: 'te' };
    const r = vanWestendorpFromDataset(dataset.value, columns, { column: 'seg', equals: 'A' });
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.respondents.total).toBe(5);
    expect(r.value.opp).toBeCloseTo(22.5, EXACT);
    const none = vanWestendorpFromDataset(dataset.value, columns, { column: 'seg', equals: 'C' });
    expect(none.ok ? '' : none.error.code).toBe('PRICING_FILTER_NO_ROWS');
  });

  it('refuses an unknown column, naming it', () => {
    const dataset = parseCsv('tc,c,e,te\n1,2,3,4\n');
    if (!dataset.ok) throw new Error(dataset.error.message);
    const r = vanWestendorpFromDataset(dataset.value, { tooCheap: 'tc', cheap: 'c', expensive: 'x', tooExpensive: 'te' });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatchObject({ code: 'PRICING_UNKNOWN_COLUMN', params: { column: 'x', role: 'expensive' } });
  });
});
