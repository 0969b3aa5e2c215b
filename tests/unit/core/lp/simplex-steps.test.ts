import { describe, expect, it } from 'vitest';
import { simplexSteps, type SimplexStep } from '../../../../src/core/lp/simplex-steps';
import type { LpModel } from '../../../../src/core/lp/lp-model';
import { parsedLp } from '../../../helpers/lp';

function steps(model: LpModel, maxSteps?: number): SimplexStep[] {
  const result = simplexSteps(model, maxSteps);
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

const round = (values: number[]) => values.map((v) => Number(v.toFixed(9)) + 0);

describe('simplexSteps', () => {
  it('walks Wyndor from (0, 0) by Bland’s rule: (4, 0) → (4, 3) → (2, 6)', () => {
    // Columns x, y, s1, s2, s3; Z row −3 −5 0 0 0 | 0.
    // 1. Bland: the first negative entry is x (not y, which the largest-coefficient rule
    //    picks). Ratios 4/1 = 4, (none: 0 in p2), 18/3 = 6 → s1 leaves, pivot 1.
    //    p3 − 3·p1: 0 2 −3 0 1 | 6; Z + 3·p1: 0 −5 3 0 0 | 12. Corner (4, 0).
    // 2. y enters. Ratios (none), 12/2 = 6, 6/2 = 3 → s3 leaves, pivot 2.
    //    p3 / 2: 0 1 −1.5 0 0.5 | 3; p2 − 2·p3: 0 0 3 1 −1 | 6; Z + 5·p3: 0 0 −4.5 0 2.5 | 27. Corner (4, 3).
    // 3. s1 enters. Ratios 4/1 = 4, 6/3 = 2, (none: −1.5) → s2 leaves, pivot 3.
    //    p2 / 3: 0 0 1 1/3 −1/3 | 2; p1 − p2: 1 0 0 −1/3 1/3 | 2; p3 + 1.5·p2: 0 1 0 0.5 0 | 6;
    //    Z + 4.5·p2: 0 0 0 1.5 1 | 36. No negative entry: optimal at (2, 6), Z = 36.
    const s = steps(parsedLp('Maximize\n Z: 3 x + 5 y\nSubject To\n p1: x <= 4\n p2: 2 y <= 12\n p3: 3 x + 2 y <= 18\nEnd\n'));
    expect(s.map((k) => k.status)).toEqual(['pivot', 'pivot', 'pivot', 'optimal']);
    expect(s.every((k) => k.phase === 2)).toBe(true);
    expect(s[0].columns.map((c) => `${c.name}:${c.kind}`)).toEqual(['x:variable', 'y:variable', 's1:slack', 's2:slack', 's3:slack']);
    expect(s.map((k) => [k.vertex.x, k.vertex.y, k.objective].map((v) => Number(v.toFixed(9))))).toEqual([
      [0, 0, 0],
      [4, 0, 12],
      [4, 3, 27],
      [2, 6, 36],
    ]);
    expect(s.slice(0, 3).map((k) => [k.entering!.name, k.leaving!.name, k.leaving!.element])).toEqual([
      ['x', 's1', 1],
      ['y', 's3', 2],
      ['s1', 's2', 3],
    ]);
    expect(s[0].ratios).toEqual([4, null, 6]);
    expect(s[1].ratios).toEqual([null, 6, 3]);
    expect(s[2].ratios).toEqual([4, 2, null]);
    expect(s[0].basis).toEqual(['s1', 's2', 's3']);
    expect(s[3].basis).toEqual(['x', 's1', 'y']);
    expect(s[2].objectiveRow).toEqual({ label: 'Z', coefficients: [0, 0, -4.5, 0, 2.5], value: 27 });
    expect(round(s[2].rows[2].coefficients)).toEqual([0, 1, -1.5, 0, 0.5]);
    const last = s[3];
    expect(round(last.objectiveRow.coefficients)).toEqual(round([0, 0, 0, 1.5, 1]));
    expect(last.objectiveRow.value).toBeCloseTo(36, 9);
    expect(round(last.rows[0].coefficients)).toEqual(round([1, 0, 0, -1 / 3, 1 / 3]));
    expect(last.rows.map((r) => [r.basis, Number(r.rhs.toFixed(9))])).toEqual([
      ['x', 2],
      ['s1', 2],
      ['y', 6],
    ]);
    expect(last.alternative).toEqual([]);
  });

  it('reaches the worked example’s optimum and sees the second optimal corner', () => {
    // Z row −0.1 −0.2 0 0. x1 enters; ratios 5000/0.05 = 100000, 10000/0.2 = 50000 → s2
    // (people) leaves, pivot 0.2: people/0.2: 1 0.25 0 5 | 50000; money − 0.05·that:
    // 0 0.0875 1 −0.25 | 2500; Z: 0 −0.175 0 0.5 | 5000. x2 enters; ratios 2500/0.0875 =
    // 28571.43, 50000/0.25 = 200000 → s1 (money) leaves, pivot 0.0875; Z row 0 0 2 0 | 10000.
    // s2 is non-basic with a 0 entry: raising it moves along the optimal edge.
    const s = steps(parsedLp('Maximize\n Z: 0.1 x1 + 0.2 x2\nSubject To\n money: 0.05 x1 + 0.1 x2 <= 5000\n people: 0.2 x1 + 0.05 x2 <= 10000\nEnd\n'));
    expect(s.map((k) => k.status)).toEqual(['pivot', 'pivot', 'optimal']);
    expect(s[0].ratios[0]).toBeCloseTo(100000, 6);
    expect(s[0].ratios[1]).toBeCloseTo(50000, 6);
    expect(s[0].leaving).toEqual({ row: 1, name: 's2', element: 0.2, ratio: 50000 });
    expect(s[1].entering!.name).toBe('x2');
    expect(s[1].entering!.reducedCost).toBeCloseTo(-0.175, 12);
    expect(s[1].leaving!.element).toBeCloseTo(0.0875, 12);
    expect(s[1].ratios[0]).toBeCloseTo(200000 / 7, 6);
    const last = s[2];
    expect(last.vertex.x1).toBeCloseTo(300000 / 7, 6);
    expect(last.vertex.x2).toBeCloseTo(200000 / 7, 6);
    expect(last.objective).toBeCloseTo(10000, 6);
    expect(round(last.objectiveRow.coefficients)).toEqual([0, 0, 2, 0]);
    expect(last.alternative).toEqual(['s2']);
  });

  it('runs phase one for ≥ rows, then finds the minimum in phase two', () => {
    // min 2x + 3y s.t. r1: x + y ≥ 4, r2: x + 3y ≥ 6. Columns x y e1 e2 a1 a2.
    // Phase one maximises −W = −a1 − a2. Row: z_j − c_j = c_B·a_j − c_j with c_B = (−1, −1):
    //   x −2, y −4, e1 1, e2 1, a1 0, a2 0 | −10.
    // 1. x enters (Bland); ratios 4/1, 6/1 → a1 leaves. r2 − r1: 0 2 1 −1 −1 1 | 2;
    //    row +2·r1: 0 −2 −1 1 2 0 | −2. Corner (4, 0), W = 2.
    // 2. y enters (first negative, before e1); ratios 4/1 = 4, 2/2 = 1 → a2 leaves.
    //    r2/2: 0 1 .5 −.5 −.5 .5 | 1; r1 − r2: 1 0 −1.5 .5 1.5 −.5 | 3; row: 0 0 0 0 1 1 | 0.
    // W = 0: phase one done at (3, 1). Phase two maximises −Z = −2x − 3y with basis x, y:
    //   e1: (−2)(−1.5) + (−3)(0.5) = 1.5; e2: (−2)(0.5) + (−3)(−0.5) = 0.5; value −9.
    // No negative entry: optimal, Z = 9 (check: corners (0, 4) → 12, (3, 1) → 9, (6, 0) → 12).
    const s = steps(parsedLp('Minimize\n Z: 2 x + 3 y\nSubject To\n r1: x + y >= 4\n r2: x + 3 y >= 6\nEnd\n'));
    expect(s.map((k) => [k.phase, k.status])).toEqual([
      [1, 'pivot'],
      [1, 'pivot'],
      [1, 'phase-one-done'],
      [2, 'optimal'],
    ]);
    expect(s[0].columns.map((c) => `${c.name}:${c.kind}`)).toEqual(['x:variable', 'y:variable', 'e1:surplus', 'e2:surplus', 'a1:artificial', 'a2:artificial']);
    expect(s[0].objectiveRow).toEqual({ label: '-W', coefficients: [-2, -4, 1, 1, 0, 0], value: -10 });
    expect(s[0].infeasibility).toBe(10);
    expect(s[0].basis).toEqual(['a1', 'a2']);
    expect([s[0].entering!.name, s[0].leaving!.name]).toEqual(['x', 'a1']);
    expect(s[1].objectiveRow.coefficients).toEqual([0, -2, -1, 1, 2, 0]);
    expect(s[1].ratios).toEqual([4, 1]);
    expect([s[1].entering!.name, s[1].leaving!.name, s[1].leaving!.element]).toEqual(['y', 'a2', 2]);
    expect(s[1].infeasibility).toBe(2);
    expect([s[2].vertex.x, s[2].vertex.y, s[2].infeasibility]).toEqual([3, 1, 0]);
    // Phase two drops the artificial columns.
    const last = s[3];
    expect(last.columns.map((c) => c.name)).toEqual(['x', 'y', 'e1', 'e2']);
    expect(last.objectiveRow.label).toBe('-Z');
    expect(round(last.objectiveRow.coefficients)).toEqual([0, 0, 1.5, 0.5]);
    expect(last.objectiveRow.value).toBeCloseTo(-9, 9);
    expect(last.objective).toBeCloseTo(9, 9);
  });

  it('ends phase one with W > 0 when no plan satisfies every row', () => {
    // max x s.t. hi: x ≤ 3, lo: x ≥ 5. Columns x s1 e2 a2; −W row: −1 0 1 0 | −5.
    // x enters; ratios 3, 5 → s1 leaves; row: 0 1 1 0 | −2. No negative entry, W = 2 > 0.
    const s = steps(parsedLp('Maximize\n Z: x\nSubject To\n hi: x <= 3\n lo: x >= 5\nEnd\n'));
    expect(s.map((k) => k.status)).toEqual(['pivot', 'infeasible']);
    expect(s[1].infeasibility).toBe(2);
    expect(s[1].objectiveRow.coefficients).toEqual([0, 1, 1, 0]);
  });

  it('stops at a column with no positive entry: the objective is unbounded', () => {
    // max x + y s.t. c: x − y ≤ 1. x enters, s1 leaves; Z row 0 −2 1 | 1; the y column is
    // (−1): nothing limits y.
    const s = steps(parsedLp('Maximize\n Z: x + y\nSubject To\n c: x - y <= 1\nEnd\n'));
    expect(s.map((k) => k.status)).toEqual(['pivot', 'unbounded']);
    expect(s[1].entering!.name).toBe('y');
    expect(s[1].leaving).toBeNull();
    expect(s[1].ratios).toEqual([null]);
  });

  it('turns a negative right-hand side round and drops a repeated equation after phase one', () => {
    // neg: −x − y ≤ −1 becomes x + y ≥ 1 (surplus e1, artificial a1).
    const neg = steps(parsedLp('Minimize\n Z: x + y\nSubject To\n neg: - x - y <= -1\nEnd\n'));
    expect(neg[0].columns.map((c) => c.name)).toEqual(['x', 'y', 'e1', 'a1']);
    expect(neg[0].rows[0]).toEqual({ constraint: 'neg', basis: 'a1', coefficients: [1, 1, -1, 1], rhs: 1 });
    expect(neg.at(-1)!.status).toBe('optimal');
    expect(neg.at(-1)!.objective).toBeCloseTo(1, 9);

    // e1: x + y = 2, e2: 2x + 2y = 4. x enters; ratios 2, 2 tie → a1 (smaller index) leaves;
    // e2's row becomes 0 0 −2 1 | 0: a2 stays basic at 0 with no other entry, so the row is dropped.
    const twice = steps(parsedLp('Maximize\n Z: x + 2 y\nSubject To\n e1: x + y = 2\n e2: 2 x + 2 y = 4\nEnd\n'));
    expect(twice.map((k) => [k.phase, k.status])).toEqual([
      [1, 'pivot'],
      [1, 'phase-one-done'],
      [2, 'pivot'],
      [2, 'optimal'],
    ]);
    expect(twice[0].leaving!.name).toBe('a1');
    expect(twice[2].dropped).toEqual(['e2']);
    expect(twice[2].rows.map((r) => r.constraint)).toEqual(['e1']);
    expect([twice[3].vertex.x, twice[3].vertex.y, twice[3].objective]).toEqual([0, 2, 4]);
  });

  it('drives an artificial variable still basic at zero out of the basis', () => {
    // a: x + y = 2, b: x − y = 0, c: x ≤ 1. Columns x y s3 a1 a2; basis a1 a2 s3; −W row −2 0 0 0 0 | −2.
    // 1. x enters; ratios 2, 0, 1 → a2 leaves (degenerate). a − b: 0 2 0 1 −1 | 2;
    //    c − b: 0 1 1 0 −1 | 1; −W: 0 −2 0 0 2 | −2.
    // 2. y enters; ratios 2/2 = 1 and 1/1 = 1 tie → the basic variable with the smaller index,
    //    s3 (column 2) rather than a1 (column 3), leaves. a − 2c: 0 0 −2 1 1 | 0; −W: 0 0 2 0 0 | 0.
    // 3. W = 0 but a1 is basic (at 0) in row a, whose s3 entry is −2: s3 enters, a1 leaves
    //    ('drive-out', pivot −2). Then phase one is done; phase two: basis x, y, s3, all
    //    objective-row entries 0 → optimal at (1, 1), Z = 1.
    const s = steps(parsedLp('Maximize\n Z: x\nSubject To\n a: x + y = 2\n b: x - y = 0\n c: x <= 1\nEnd\n'));
    expect(s.map((k) => [k.phase, k.status, k.reason, k.entering?.name ?? null, k.leaving?.name ?? null])).toEqual([
      [1, 'pivot', 'improve', 'x', 'a2'],
      [1, 'pivot', 'improve', 'y', 's3'],
      [1, 'pivot', 'drive-out', 's3', 'a1'],
      [1, 'phase-one-done', null, null, null],
      [2, 'optimal', null, null, null],
    ]);
    expect(s[0].ratios).toEqual([2, 0, 1]);
    expect(s[2].leaving!.element).toBe(-2);
    expect(s[4].basis).toEqual(['s3', 'x', 'y']);
    expect(s[4].columns.every((c) => c.kind !== 'artificial')).toBe(true);
    expect(s[4].vertex).toEqual({ x: 1, y: 1 });
  });

  it('stops at maxSteps with status step-limit', () => {
    const s = steps(parsedLp('Maximize\n Z: 3 x + 5 y\nSubject To\n p1: x <= 4\n p2: 2 y <= 12\n p3: 3 x + 2 y <= 18\nEnd\n'), 2);
    expect(s.map((k) => k.status)).toEqual(['pivot', 'step-limit']);
  });

  it('refuses models that are too large or have other bounds', () => {
    const names = Array.from({ length: 13 }, (_, i) => `x${i + 1}`);
    const large = parsedLp(`Maximize\n Z: ${names.join(' + ')}\nSubject To\n c: ${names.join(' + ')} <= 1\nEnd\n`);
    const tooLarge = simplexSteps(large);
    expect(!tooLarge.ok && tooLarge.error.code).toBe('LP_STEPS_TOO_LARGE');
    expect(!tooLarge.ok && tooLarge.error.params).toEqual({ variables: 13, constraints: 1, max: 12 });
    const bounded = simplexSteps(parsedLp('Maximize\n Z: x\nSubject To\n c: x <= 10\nBounds\n x <= 4\nEnd\n'));
    expect(!bounded.ok && bounded.error.code).toBe('LP_STEPS_BOUNDS');
    expect(!bounded.ok && bounded.error.params?.name).toBe('x');
    const free = simplexSteps(parsedLp('Maximize\n Z: x\nSubject To\n c: x <= 10\nBounds\n x free\nEnd\n'));
    expect(!free.ok && free.error.code).toBe('LP_STEPS_BOUNDS');
  });

  it('gives each step its own copy of the tableau', () => {
    const s = steps(parsedLp('Maximize\n Z: 3 x + 5 y\nSubject To\n p1: x <= 4\n p2: 2 y <= 12\n p3: 3 x + 2 y <= 18\nEnd\n'));
    expect(s[0].rows[2].coefficients).toEqual([3, 2, 0, 0, 1]);
    expect(s[0].rows[2].rhs).toBe(18);
  });
});
