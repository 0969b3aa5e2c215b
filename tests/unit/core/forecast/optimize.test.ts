import { describe, expect, it } from 'vitest';
import { minimizeLeastSquares, type LeastSquaresProblem } from '../../../../src/core/forecast/optimize';

/** Rosenbrock's function as a sum of squares: r = (10(x₂ − x₁²), 1 − x₁), minimum 0 at (1, 1). */
function rosenbrock(lower: number[], upper: number[]): LeastSquaresProblem {
  return {
    size: 2,
    count: 2,
    lower: Float64Array.from(lower),
    upper: Float64Array.from(upper),
    evaluate(x, r, j) {
      r[0] = 10 * (x[1] - x[0] * x[0]);
      r[1] = 1 - x[0];
      j[0] = -20 * x[0];
      j[1] = 10;
      j[2] = -1;
      j[3] = 0;
      return r[0] * r[0] + r[1] * r[1];
    },
  };
}

describe('minimizeLeastSquares', () => {
  it("finds Rosenbrock's minimum from the classic start (−1.2, 1)", () => {
    const result = minimizeLeastSquares(rosenbrock([-5, -5], [5, 5]), Float64Array.of(-1.2, 1));
    expect(result.x[0]).toBeCloseTo(1, 6);
    expect(result.x[1]).toBeCloseTo(1, 6);
    expect(result.sse).toBeLessThan(1e-12);
  });

  it('stops at the bound when the minimum lies outside the box', () => {
    // With x₁ ≤ 0.5 the best is x₁ = 0.5, x₂ = x₁² = 0.25 (first residual 0, second 0.5): Σr² = 0.25.
    const result = minimizeLeastSquares(rosenbrock([-5, -5], [0.5, 5]), Float64Array.of(-1.2, 1));
    expect(result.x[0]).toBe(0.5);
    expect(result.x[1]).toBeCloseTo(0.25, 6);
    expect(result.sse).toBeCloseTo(0.25, 8);
  });

  it('clamps a start outside the box and never returns a worse point than the start', () => {
    const problem = rosenbrock([0, 0], [2, 2]);
    const result = minimizeLeastSquares(problem, Float64Array.of(-3, 9));
    expect(result.x[0]).toBeGreaterThanOrEqual(0);
    expect(result.sse).toBeLessThanOrEqual(problem.evaluate(Float64Array.of(0, 2), new Float64Array(2), new Float64Array(4)));
  });

  it('returns an infeasible start as it is, with Infinity', () => {
    const problem: LeastSquaresProblem = { ...rosenbrock([-1, -1], [1, 1]), evaluate: () => Infinity };
    const result = minimizeLeastSquares(problem, Float64Array.of(0, 0));
    expect(result.sse).toBe(Infinity);
    expect(result.iterations).toBe(0);
  });
});
