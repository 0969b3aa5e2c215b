import { describe, expect, it } from 'vitest';
import { clipLine, graphicalView, type GraphicalView } from '../../../../src/core/lp/graphical';
import type { LpModel } from '../../../../src/core/lp/lp-model';
import { parsedLp } from '../../../helpers/lp';

function view(model: LpModel, x: string, y: string, fixed?: Record<string, number>): GraphicalView {
  const result = graphicalView(model, x, y, fixed);
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

/** Corners as [x, y, z] rounded to 6 decimals, for comparing with hand-derived lists. */
const cornersOf = (v: GraphicalView) => v.corners.map((c) => [c.x, c.y, c.z].map((n) => Number(n.toFixed(6)) + 0));

const WYNDOR = 'Maximize\n Z: 3 x + 5 y\nSubject To\n p1: x <= 4\n p2: 2 y <= 12\n p3: 3 x + 2 y <= 18\nEnd\n';
const WORKED = 'Maximize\n Z: 0.1 x1 + 0.2 x2\nSubject To\n money: 0.05 x1 + 0.1 x2 <= 5000\n people: 0.2 x1 + 0.05 x2 <= 10000\nEnd\n';

describe('graphicalView', () => {
  it('finds the corners of the Wyndor region, their values and the optimum (2, 6)', () => {
    // Lines: x = 4, y = 6 (2y = 12), 3x + 2y = 18, and the axes (x ≥ 0, y ≥ 0).
    // Feasible crossings: (0,0); (4,0); x = 4 with 3x + 2y = 18 → y = 3; y = 6 with
    // 3x + 2y = 18 → x = 2; (0,6). Not feasible: (6,0) and (0,9) (3x + 2y = 18 with the
    // axes break x ≤ 4 and 2y ≤ 12), (4,6) (3·4 + 2·6 = 24 > 18).
    // Z = 3x + 5y: 0, 12, 27, 36, 30.
    const v = view(parsedLp(WYNDOR), 'x', 'y');
    expect(cornersOf(v)).toEqual([
      [0, 0, 0],
      [4, 0, 12],
      [4, 3, 27],
      [2, 6, 36],
      [0, 6, 30],
    ]);
    expect(v.optimalCorners).toEqual([3]);
    expect(v.corners[3].optimal).toBe(true);
    expect(v.optimalValue).toBeCloseTo(36, 9);
    expect(v.optimalEdge).toBeNull();
    expect(v.empty).toBe(false);
    expect(v.unbounded).toBe(false);
    expect(v.objectiveUnbounded).toBe(false);
    // The optimum is where p2 and p3 cross.
    expect(v.corners[3].lines.map((i) => v.lines[i].name).sort()).toEqual(['p2', 'p3']);
  });

  it('lists every constraint and the bounds of the shown variables as lines', () => {
    const v = view(parsedLp(WYNDOR), 'x', 'y');
    expect(v.lines.map((l) => [l.kind, l.name, l.a, l.b, l.op, l.rhs])).toEqual([
      ['constraint', 'p1', 1, 0, '<=', 4],
      ['constraint', 'p2', 0, 2, '<=', 12],
      ['constraint', 'p3', 3, 2, '<=', 18],
      ['lower', 'x', 1, 0, '>=', 0],
      ['lower', 'y', 0, 1, '>=', 0],
    ]);
    // Every line crosses the box, and its drawn segment lies on it.
    for (const l of v.lines) {
      expect(l.segment).not.toBeNull();
      for (const p of l.segment!) expect(l.a * p.x + l.b * p.y).toBeCloseTo(l.rhs, 9);
    }
  });

  it('draws the region as the same pentagon and fits a box around it and the axis crossings', () => {
    const v = view(parsedLp(WYNDOR), 'x', 'y');
    // The clipped polygon has the five corners (in some rotation).
    const key = (p: { x: number; y: number }) => `${p.x.toFixed(6)},${p.y.toFixed(6)}`;
    expect(v.region.map(key).sort()).toEqual(v.corners.map(key).sort());
    // Box: corners and origin give x ∈ [0, 4], y ∈ [0, 6]; p3 crosses the axes at (6, 0) and
    // (0, 9), both within one box-width, so x ∈ [0, 6], y ∈ [0, 9]; plus 8 % each side:
    // x ∈ [−0.48, 6.48], y ∈ [−0.72, 9.72].
    expect(v.box.xMin).toBeCloseTo(-0.48, 9);
    expect(v.box.xMax).toBeCloseTo(6.48, 9);
    expect(v.box.yMin).toBeCloseTo(-0.72, 9);
    expect(v.box.yMax).toBeCloseTo(9.72, 9);
  });

  it('finds the whole optimal edge of the worked example, parallel to the money constraint', () => {
    // Z = 0.1 x1 + 0.2 x2 = 2 × (0.05 x1 + 0.1 x2): parallel to "money".
    // money ∩ people: x1 = 100000 − 2 x2 → 0.2 (100000 − 2 x2) + 0.05 x2 = 10000
    //   → 20000 − 0.35 x2 = 10000 → x2 = 28571.428…, x1 = 42857.142…; Z = 4285.71… + 5714.28… = 10000.
    // money ∩ x1 = 0: x2 = 50000, Z = 10000. people ∩ x2 = 0: x1 = 50000, Z = 5000.
    const v = view(parsedLp(WORKED), 'x1', 'x2');
    expect(cornersOf(v)).toEqual([
      [0, 0, 0],
      [50000, 0, 5000],
      [42857.142857, 28571.428571, 10000],
      [0, 50000, 10000],
    ]);
    expect(v.optimalCorners).toEqual([2, 3]);
    expect(v.optimalValue).toBeCloseTo(10000, 6);
    const edge = v.optimalEdge!;
    expect(edge.from.x).toBeCloseTo(300000 / 7, 6);
    expect(edge.from.y).toBeCloseTo(200000 / 7, 6);
    expect(edge.to.x).toBeCloseTo(0, 9);
    expect(edge.to.y).toBeCloseTo(50000, 6);
    expect(edge.lines.map((i) => v.lines[i].name)).toEqual(['money']);
  });

  it('holds the other variables of a larger model, moving their terms to the right-hand side', () => {
    // max 2x + 3y + 4z; cap: x + y + z ≤ 10; mix: x + 2z ≤ 8; top: y ≤ 6. With z = 2:
    // cap: x + y ≤ 8; mix: x ≤ 4; top: y ≤ 6. Corners (0,0), (4,0), (4,4), (2,6), (0,6);
    // Z = 2x + 3y + 8: 8, 16, 28, 30, 26 → optimum (2, 6), Z = 30.
    const model = parsedLp('Maximize\n Z: 2 x + 3 y + 4 z\nSubject To\n cap: x + y + z <= 10\n mix: x + 2 z <= 8\n top: y <= 6\nEnd\n');
    const v = view(model, 'x', 'y', { z: 2 });
    expect(v.fixed).toEqual({ z: 2 });
    expect(v.objective).toEqual({ x: 2, y: 3, constant: 8 });
    expect(v.lines.slice(0, 3).map((l) => [l.name, l.a, l.b, l.rhs])).toEqual([
      ['cap', 1, 1, 8],
      ['mix', 1, 0, 4],
      ['top', 0, 1, 6],
    ]);
    expect(cornersOf(v)).toEqual([
      [0, 0, 8],
      [4, 0, 16],
      [4, 4, 28],
      [2, 6, 30],
      [0, 6, 26],
    ]);
    expect(v.optimalCorners).toEqual([3]);
  });

  it('holds a variable without a given value at 0 moved inside its bounds', () => {
    const model = parsedLp('Maximize\n Z: x + y + z\nSubject To\n c: x + y + z <= 10\nBounds\n 3 <= z <= 5\nEnd\n');
    const v = view(model, 'x', 'y');
    expect(v.fixed).toEqual({ z: 3 });
    expect(v.lines[0].rhs).toBe(7);
    expect(v.fixedOutsideBounds).toEqual([]);
    expect(view(model, 'x', 'y', { z: 9 }).fixedOutsideBounds).toEqual(['z']);
  });

  it('reports a constraint without the shown variables as holding or not', () => {
    // With y, z shown and x held at 3: "only" is 3 ≤ 2, false; the region is empty.
    const model = parsedLp('Maximize\n Z: x + y + z\nSubject To\n only: x <= 2\n c: y + z <= 4\nEnd\n');
    const v = view(model, 'y', 'z', { x: 3 });
    expect(v.constantRows).toEqual([{ name: 'only', holds: false }]);
    expect(v.empty).toBe(true);
    expect(view(model, 'y', 'z', { x: 1 }).constantRows).toEqual([{ name: 'only', holds: true }]);
  });

  it('draws an unbounded region with a finite minimum along an edge', () => {
    // min x + y s.t. x + y ≥ 2: corners (2, 0) and (0, 2), both Z = 2; the region goes on
    // for ever to the upper right, but Z grows there, so the minimum is the whole edge.
    const v = view(parsedLp('Minimize\n Z: x + y\nSubject To\n need: x + y >= 2\nEnd\n'), 'x', 'y');
    expect(cornersOf(v)).toEqual([
      [2, 0, 2],
      [0, 2, 2],
    ]);
    expect(v.unbounded).toBe(true);
    expect(v.objectiveUnbounded).toBe(false);
    expect(v.optimalValue).toBeCloseTo(2, 9);
    expect(v.optimalCorners).toEqual([0, 1]);
    expect(v.optimalEdge!.lines.map((i) => v.lines[i].name)).toEqual(['need']);
    // The drawn region reaches the box's far corner (it was clipped there).
    expect(v.region.some((p) => Math.abs(p.x - v.box.xMax) < 1e-9 && Math.abs(p.y - v.box.yMax) < 1e-9)).toBe(true);
  });

  it('says when the objective grows without limit, and gives no optimum', () => {
    // max x + y s.t. x − y ≤ 1: (t + 1, t) is feasible for all t ≥ 0 and Z = 2t + 1.
    const v = view(parsedLp('Maximize\n Z: x + y\nSubject To\n c: x - y <= 1\nEnd\n'), 'x', 'y');
    expect(cornersOf(v)).toEqual([
      [0, 0, 0],
      [1, 0, 1],
    ]);
    expect(v.unbounded).toBe(true);
    expect(v.objectiveUnbounded).toBe(true);
    expect(v.optimalValue).toBeNull();
    expect(v.optimalCorners).toEqual([]);
  });

  it('gives an optimal ray when the objective is parallel to an unbounded edge', () => {
    // max x − y s.t. x − y ≤ 1: Z ≤ 1, reached at (1, 0) and on along (1, 1) for ever.
    const v = view(parsedLp('Maximize\n Z: x - y\nSubject To\n c: x - y <= 1\nEnd\n'), 'x', 'y');
    expect(v.optimalValue).toBeCloseTo(1, 9);
    expect(v.optimalEdge).toBeNull();
    const ray = v.optimalRay!;
    expect([ray.from.x, ray.from.y]).toEqual([1, 0]);
    expect(ray.direction.x).toBeCloseTo(Math.SQRT1_2, 9);
    expect(ray.direction.y).toBeCloseTo(Math.SQRT1_2, 9);
    expect(ray.lines.map((i) => v.lines[i].name)).toEqual(['c']);
  });

  it('says when no point satisfies every constraint', () => {
    // x + y ≤ 1 and x + y ≥ 3 cannot both hold.
    const v = view(parsedLp('Maximize\n Z: x + y\nSubject To\n low: x + y <= 1\n high: x + y >= 3\nEnd\n'), 'x', 'y');
    expect(v.empty).toBe(true);
    expect(v.region).toEqual([]);
    expect(v.corners).toEqual([]);
    expect(v.optimalValue).toBeNull();
    // Both lines are still drawn: the box holds their crossings with the axes (3, 0), (0, 3).
    expect(v.lines.every((l) => l.segment !== null)).toBe(true);
    expect(v.box.xMax).toBeGreaterThanOrEqual(3);
    expect(v.box.yMax).toBeGreaterThanOrEqual(3);
  });

  it('is not confused by duplicate and parallel lines or three lines through one corner', () => {
    // Wyndor with p3 written twice, a looser parallel x ≤ 5, and "diag": x + y ≤ 8 through
    // (2, 6) (2 + 6 = 8) only: same corners and optimum.
    const model = parsedLp(
      'Maximize\n Z: 3 x + 5 y\nSubject To\n p1: x <= 4\n p2: 2 y <= 12\n p3: 3 x + 2 y <= 18\n again: 6 x + 4 y <= 36\n loose: x <= 5\n diag: x + y <= 8\nEnd\n',
    );
    const v = view(model, 'x', 'y');
    expect(cornersOf(v)).toEqual([
      [0, 0, 0],
      [4, 0, 12],
      [4, 3, 27],
      [2, 6, 36],
      [0, 6, 30],
    ]);
    expect(v.optimalCorners).toEqual([3]);
    expect(v.corners[3].lines.map((i) => v.lines[i].name).sort()).toEqual(['again', 'diag', 'p2', 'p3']);
    expect(v.region).toHaveLength(5);
  });

  it('draws an equation as a segment of the region', () => {
    // x + y = 4 with x ≤ 3: the segment from (3, 1) to (0, 4); max x + 2y at (0, 4), Z = 8.
    const v = view(parsedLp('Maximize\n Z: x + 2 y\nSubject To\n sum: x + y = 4\n cap: x <= 3\nEnd\n'), 'x', 'y');
    expect(cornersOf(v)).toEqual([
      [3, 1, 5],
      [0, 4, 8],
    ]);
    expect(v.optimalCorners).toEqual([1]);
    expect(v.region).toHaveLength(2);
  });

  it('marks the integer points inside the region of an integer program', () => {
    // Wyndor with integer x, y. The box x ∈ [−0.48, 6.48], y ∈ [−0.72, 9.72] holds 7 × 10 = 70
    // lattice points. Inside (x ≤ 4, y ≤ 6, 3x + 2y ≤ 18): x = 0, 1, 2 → y = 0..6 (7 each);
    // x = 3 → y ≤ 4.5 (5); x = 4 → y ≤ 3 (4): 30 points. Best: (2, 6), Z = 36.
    const model = parsedLp('Maximize\n Z: 3 x + 5 y\nSubject To\n p1: x <= 4\n p2: 2 y <= 12\n p3: 3 x + 2 y <= 18\nGeneral\n x y\nEnd\n');
    const marks = view(model, 'x', 'y').integer;
    if (marks?.kind !== 'points') throw new Error(String(marks?.kind));
    expect(marks.points).toHaveLength(30);
    expect(marks.best).toEqual({ x: 2, y: 6, z: 36 });
  });

  it('gives slices for one integer variable, and refuses to mark more than 2,000 integer values', () => {
    const one = parsedLp('Maximize\n Z: 3 x + 5 y\nSubject To\n p1: x <= 4\n p2: 2 y <= 12\n p3: 3 x + 2 y <= 18\nGeneral\n x\nEnd\n');
    const marks = view(one, 'x', 'y').integer;
    if (marks?.kind !== 'segments') throw new Error(String(marks?.kind));
    // x = 0..4; at x = 3 the region runs from y = 0 to y = (18 − 9) / 2 = 4.5.
    expect(marks.variable).toBe('x');
    expect(marks.segments).toHaveLength(5);
    expect(marks.segments[3][0].y).toBeCloseTo(0, 9);
    expect(marks.segments[3][1].y).toBeCloseTo(4.5, 9);
    // The worked example's box is about 116,000 × 58,000: far too many points to mark.
    const big = parsedLp(WORKED.replace('End', 'General\n x1 x2\nEnd'));
    expect(view(big, 'x1', 'x2').integer?.kind).toBe('too-many');
  });

  it('fails with LP_GRAPH_VARIABLES for unknown or repeated names, LP_GRAPH_FIXED for a held value that is not a number', () => {
    const model = parsedLp(WYNDOR);
    for (const [x, y] of [
      ['x', 'x'],
      ['x', 'nope'],
    ]) {
      const result = graphicalView(model, x, y);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.error.code).toBe('LP_GRAPH_VARIABLES');
    }
    const three = parsedLp('Maximize\n Z: x + y + z\nSubject To\n c: x + y + z <= 1\nEnd\n');
    const bad = graphicalView(three, 'x', 'y', { z: Number.NaN });
    expect(!bad.ok && bad.error.code).toBe('LP_GRAPH_FIXED');
  });

  it('does not change the model', () => {
    const model = parsedLp(WORKED);
    const before = JSON.stringify(model);
    Object.freeze(model);
    model.variables.forEach(Object.freeze);
    model.constraints.forEach((c) => Object.freeze(Object.freeze(c).terms));
    view(model, 'x1', 'x2');
    expect(JSON.stringify(model)).toBe(before);
  });
});

describe('clipLine', () => {
  const box = { xMin: 0, xMax: 2, yMin: 0, yMax: 2 };

  it('cuts a line to the box', () => {
    // x + y = 1 meets the box's edges at (1, 0) and (0, 1).
    const seg = clipLine({ a: 1, b: 1, rhs: 1 }, box)!;
    const ends = seg.map((p) => [Number(p.x.toFixed(12)) + 0, Number(p.y.toFixed(12)) + 0]).sort();
    expect(ends).toEqual([
      [0, 1],
      [1, 0],
    ]);
    // A vertical line x = 1.5 runs from the bottom to the top.
    expect(clipLine({ a: 2, b: 0, rhs: 3 }, box)!.map((p) => p.x)).toEqual([1.5, 1.5]);
  });

  it('gives null for a line that misses the box', () => {
    expect(clipLine({ a: 1, b: 1, rhs: 5 }, box)).toBeNull();
    expect(clipLine({ a: 0, b: 1, rhs: -1 }, box)).toBeNull();
  });
});
