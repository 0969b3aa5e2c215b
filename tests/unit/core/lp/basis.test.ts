import { describe, expect, it } from 'vitest';
import { dropNoise, lineRate, near, rebuildBasis, solveLu, zeroCostOf, type Sparse } from '../../../../src/core/lp/basis';
import { runGlpk } from '../../../../src/core/lp/run-glpk';
import { glpk, parsedLp } from '../../../helpers/lp';

const WYNDOR = 'Maximize\n Z: 3 x + 5 y\nSubject To\n p1: x <= 4\n p2: 2 y <= 12\n p3: 3 x + 2 y <= 18\nEnd\n';
const DEGENERATE = 'Maximize\n Z: x + y\nSubject To\n a: x + y <= 2\n b: x <= 1\n c: y <= 1\nEnd\n';

/** One sparse row per list of [index, value]. */
function sparse(lines: [number, number][][]): Sparse {
  const start = new Int32Array(lines.length + 1);
  lines.forEach((line, t) => (start[t + 1] = start[t] + line.length));
  return { start, index: Int32Array.from(lines.flat().map(([i]) => i)), value: Float64Array.from(lines.flat().map(([, v]) => v)) };
}

describe('rounding noise', () => {
  it('drops entries at 1e-9 of the largest and keeps the rest', () => {
    // max |v| = 2: the bar is 2e-9. 3.7e-16 (the rate of review model t55) goes, 1e-8 stays.
    const v = Float64Array.from([2, 3.7e-16, -1e-8, -2e-9]);
    expect(dropNoise(v)).toBe(2);
    expect(Array.from(v)).toEqual([2, 0, -1e-8, 0]);
  });

  it('counts a row rate as zero against the weight of its terms, not its own size', () => {
    // Row (1, −1) against w = (1, 1 + 1e-15): the rate 1e-15 is below 1e-9 × 1 × (1 + 1).
    // A single-term row against a cleaned vector: 1·w_0, kept when w_0 survived dropNoise.
    // A known part of the rate (own) counts with its own size: 0.5 − 0.5·(1 − 1e-16) ≈ 5e-17 → 0.
    const rows = sparse([[[0, 1], [1, -1]], [[0, 1]], [[0, -0.5]]]);
    const w = Float64Array.from([1, 1 + 1e-15]);
    expect(lineRate(rows, 0, w, 1 + 1e-15)).toBe(0);
    expect(lineRate(rows, 1, w, 1)).toBe(1);
    expect(lineRate(rows, 2, Float64Array.from([1 - 1e-16, 0]), 1, 0.5)).toBe(0);
    // Not noise: 1 − 0.5 = 0.5.
    expect(lineRate(rows, 2, Float64Array.from([1, 0]), 1, 1)).toBe(0.5);
  });

  it('says "at its bound" to 1e-9 relative (at least absolute), never for an infinite bound', () => {
    expect(near(1e6 + 1e-4, 1e6)).toBe(true); // 1e-4 ≤ 1e-9 × 1e6 = 1e-3
    expect(near(1e6 + 1e-2, 1e6)).toBe(false);
    expect(near(5e-10, 0)).toBe(true);
    expect(near(1e300, Infinity)).toBe(false);
  });

  it('counts a reduced cost as a tie to 1e-9 of the largest |objective coefficient|, at least 1e-9', () => {
    expect(zeroCostOf(parsedLp(WYNDOR))).toBeCloseTo(5e-9, 20);
    expect(zeroCostOf(parsedLp('Maximize\n Z: 0.1 x\nSubject To\n c: x <= 1\nEnd\n'))).toBe(1e-9);
  });
});

describe('rebuildBasis', () => {
  it('rebuilds the Wyndor basis: x, y and the slack of p1, kernel p2, p3 × x, y', async () => {
    // Optimum (2, 6): p1 (x ≤ 4) is slack, so its auxiliary is basic; p2 and p3 bind. K =
    // [[0, 2], [3, 2]] (rows p2, p3; columns x, y). K·u = (12, 18) gives u = (2, 6): the plan.
    const model = parsedLp(WYNDOR);
    const basis = rebuildBasis(model, await runGlpk(model, glpk))!;
    expect(basis.kernelRows).toEqual([1, 2]);
    expect(basis.kernelCols).toEqual([0, 1]);
    expect(basis.otherRows).toEqual([0]);
    expect(basis.degenerate).toBe(false);
    expect(Array.from(solveLu(basis.lu, Float64Array.from([12, 18])))).toEqual([2, 6]);
  });

  it('completes the basis at a degenerate vertex with a column at its bound', async () => {
    // (1, 1) lies on a, b and c: three binding rows, two structurals. The basis needs one
    // more column: the auxiliary of a (dual 0, at its bound 2), since b and c have duals 1.
    const model = parsedLp(DEGENERATE);
    const basis = rebuildBasis(model, await runGlpk(model, glpk))!;
    expect(basis.degenerate).toBe(true);
    expect(basis.kernelRows).toEqual([1, 2]);
    expect(basis.kernelCols).toEqual([0, 1]);
    expect(basis.isBasic[2 + 0]).toBe(1);
  });

  it('gives nothing for an integer program or a solution without duals', async () => {
    const mip = parsedLp('Maximize\n Z: 5 x + 4 y\nSubject To\n a: 6 x + 4 y <= 24\n b: x + 2 y <= 6\nGeneral\n x y\nEnd\n');
    expect(rebuildBasis(mip, await runGlpk(mip, glpk))).toBeNull();
    const lp = parsedLp(WYNDOR);
    expect(rebuildBasis(lp, { ...(await runGlpk(lp, glpk)), duals: undefined })).toBeNull();
  });
});
