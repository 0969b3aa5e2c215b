import { describe, expect, it } from 'vitest';
import { fitDemand } from '../../../../src/core/pricing/fit-demand';
import { compareDemandFits } from '../../../../src/core/pricing/compare-demand-fits';

const EXACT = 10;

/** Points from parallel price and quantity lists. */
const pts = (prices: number[], quantities: number[]) => prices.map((price, i) => ({ price, quantity: quantities[i] }));

describe('fitDemand, linear', () => {
  it('recovers Q = 100 − 2P from exact points', () => {
    const fit = fitDemand(pts([10, 20, 30], [80, 60, 40]), 'linear');
    if (!fit.ok) throw new Error(fit.error.message);
    expect(fit.value.form).toBe('linear');
    if (fit.value.form !== 'linear') return;
    expect(fit.value.a).toBeCloseTo(100, EXACT);
    expect(fit.value.b).toBeCloseTo(2, EXACT);
    expect(fit.value.r2).toBeCloseTo(1, EXACT);
    expect(fit.value.residualStandardError).toBeCloseTo(0, EXACT);
    expect(fit.value.n).toBe(3);
    expect(fit.value.priceRange).toEqual([10, 30]);
  });

  it('least squares through scattered points', () => {
    // P = 10, 20, 30; Q = 82, 58, 42. mean P = 20, mean Q = 182/3
    // Sxx = 100 + 0 + 100 = 200
    // Sxy = (−10)(82 − 182/3) + 10(42 − 182/3) = −10·64/3 + 10·(−56/3) = −1200/3 = −400
    // slope = −400/200 = −2 → b = 2; a = 182/3 + 2·20 = 302/3 = 100.666…
    // fitted 242/3, 182/3, 122/3 → residuals 4/3, −8/3, 4/3 → SSE = (16 + 64 + 16)/9 = 32/3
    // SST = (64² + 8² + 56²)/9 = 7296/9 → R² = 1 − (32/3)/(7296/9) = 1 − 96/7296 = 75/76
    // residual standard error √(SSE/(n − 2)) = √(32/3)
    const fit = fitDemand(pts([10, 20, 30], [82, 58, 42]), 'linear');
    if (!fit.ok || fit.value.form !== 'linear') throw new Error('expected a linear fit');
    expect(fit.value.a).toBeCloseTo(302 / 3, EXACT);
    expect(fit.value.b).toBeCloseTo(2, EXACT);
    expect(fit.value.r2).toBeCloseTo(75 / 76, EXACT);
    expect(fit.value.r2Quantity).toBeCloseTo(75 / 76, EXACT); // the same scale for linear
    expect(fit.value.residualStandardError).toBeCloseTo(Math.sqrt(32 / 3), EXACT);
  });
});

describe('fitDemand, constant elasticity', () => {
  it('recovers Q = 1000·P^−2 from exact points', () => {
    // P = 1, 2, 4 → Q = 1000, 250, 62.5
    const fit = fitDemand(pts([1, 2, 4], [1000, 250, 62.5]), 'constant-elasticity');
    if (!fit.ok || fit.value.form !== 'constant-elasticity') throw new Error('expected a constant-elasticity fit');
    expect(fit.value.k).toBeCloseTo(1000, 8);
    expect(fit.value.e).toBeCloseTo(-2, EXACT);
    expect(fit.value.r2).toBeCloseTo(1, EXACT);
    expect(fit.value.r2Quantity).toBeCloseTo(1, EXACT);
  });

  it('least squares of ln Q on ln P', () => {
    // ln P = 0, 1, 2 (P = 1, e, e²); ln Q = 5, 3.5, 3. mean ln P = 1, mean ln Q = 23/6
    // Sxx = 2; Sxy = (−1)(5 − 23/6) + 1·(3 − 23/6) = −7/6 − 5/6 = −2 → e = −1
    // ln k = 23/6 + 1 = 29/6; fitted ln Q = 29/6, 23/6, 17/6 → residuals 1/6, −2/6, 1/6
    // SSE = 6/36 = 1/6; SST = (49 + 4 + 25)/36 = 78/36 → R² = 1 − 6/78 = 12/13
    // residual standard error √((1/6)/1)
    const Q = [Math.exp(5), Math.exp(3.5), Math.exp(3)];
    const fit = fitDemand(pts([1, Math.E, Math.E ** 2], Q), 'constant-elasticity');
    if (!fit.ok || fit.value.form !== 'constant-elasticity') throw new Error('expected a constant-elasticity fit');
    expect(fit.value.e).toBeCloseTo(-1, EXACT);
    expect(fit.value.k).toBeCloseTo(Math.exp(29 / 6), 8);
    expect(fit.value.r2).toBeCloseTo(12 / 13, EXACT);
    expect(fit.value.residualStandardError).toBeCloseTo(Math.sqrt(1 / 6), EXACT);
    // On quantities: fitted e^(29/6) ≈ 125.69, e^(23/6) ≈ 46.24, e^(17/6) ≈ 17.01 against
    // 148.41, 33.12, 20.09: SSE ≈ 698.1, SST ≈ 9977 → R² ≈ 0.930
    const fitted = [29 / 6, 23 / 6, 17 / 6].map(Math.exp);
    const meanQ = (Q[0] + Q[1] + Q[2]) / 3;
    const sse = Q.reduce((s, q, i) => s + (q - fitted[i]) ** 2, 0);
    const sst = Q.reduce((s, q) => s + (q - meanQ) ** 2, 0);
    expect(fit.value.r2Quantity).toBeCloseTo(1 - sse / sst, 8);
    expect(fit.value.r2Quantity).toBeCloseTo(0.93, 2);
  });
});

describe('fitDemand refusals', () => {
  it('fewer than 3 different prices', () => {
    const r = fitDemand(pts([10, 10, 20], [5, 6, 4]), 'linear');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatchObject({ code: 'TOO_FEW_PRICES', params: { distinct: 2, needed: 3 } });
  });

  it('a value that is not a finite number, with its index', () => {
    const r = fitDemand(pts([10, 20, 30], [5, NaN, 4]), 'linear');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatchObject({ code: 'DEMAND_NOT_FINITE', params: { index: 1, position: 2, field: 'quantity', value: 'NaN' } });
  });

  it('constant elasticity: a price or quantity of zero or less, with the first such point', () => {
    const r = fitDemand(pts([10, 20, 0, 5], [5, 4, 9, 0]), 'constant-elasticity');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatchObject({ code: 'DEMAND_NOT_POSITIVE', params: { index: 2, position: 3, field: 'price', value: 0 } });
    // the same points fit a line (zero is a real price and quantity there)
    expect(fitDemand(pts([10, 20, 0, 5], [5, 4, 9, 0]), 'linear').ok).toBe(true);
  });

  it('linear: a negative value', () => {
    const r = fitDemand(pts([10, 20, 30], [5, -4, 3]), 'linear');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatchObject({ code: 'DEMAND_NEGATIVE', params: { index: 1, field: 'quantity', value: -4 } });
  });

  it('demand that rises with the price is not a demand curve', () => {
    // Q = 20 + 2P exactly: slope +2
    const r = fitDemand(pts([10, 20, 30], [40, 60, 80]), 'linear');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('DEMAND_NOT_DOWNWARD');
    expect(r.error.params?.slope).toBeCloseTo(2, EXACT);
    expect(r.error.message).toContain('do not show a demand curve');
    expect(r.error.message).toContain('prices were set in response to demand');
    // ln Q on ln P rises too
    const ce = fitDemand(pts([10, 20, 30], [40, 60, 80]), 'constant-elasticity');
    expect(ce.ok ? '' : ce.error.code).toBe('DEMAND_NOT_DOWNWARD');
  });

  it('flat demand (slope exactly 0) is not a demand curve either', () => {
    const r = fitDemand(pts([10, 20, 30], [50, 50, 50]), 'linear');
    expect(r.ok ? '' : r.error.code).toBe('DEMAND_NOT_DOWNWARD');
  });
});

describe('compareDemandFits', () => {
  it('exactly linear data: linear wins on R² of quantities', () => {
    // Q = 100 − 2P at P = 10, 20, 30, 40: linear R² = 1; a power curve cannot pass through all four
    const c = compareDemandFits(pts([10, 20, 30, 40], [80, 60, 40, 20]));
    expect(c.better).toBe('linear');
    expect(c.reason).toBe('higher-r2-quantity');
    if (c.linear.ok && c.constantElasticity.ok) expect(c.constantElasticity.value.r2Quantity).toBeLessThan(c.linear.value.r2Quantity);
    expect(c.linear.ok && c.constantElasticity.ok).toBe(true);
  });

  it('exactly constant-elasticity data: constant elasticity wins', () => {
    const c = compareDemandFits(pts([1, 2, 4, 8], [1000, 250, 62.5, 15.625]));
    expect(c.better).toBe('constant-elasticity');
    expect(c.reason).toBe('higher-r2-quantity');
  });

  it('a zero quantity: only the linear fit is possible', () => {
    const c = compareDemandFits(pts([10, 20, 30, 50], [80, 60, 40, 0]));
    expect(c.better).toBe('linear');
    expect(c.reason).toBe('only-linear');
    expect(c.constantElasticity.ok ? '' : c.constantElasticity.error.code).toBe('DEMAND_NOT_POSITIVE');
  });

  it('rising data: neither', () => {
    const c = compareDemandFits(pts([10, 20, 30], [40, 60, 80]));
    expect(c.better).toBeNull();
    expect(c.reason).toBe('neither');
  });
});

describe('fitDemand with very large or very small figures', () => {
  it('fits prices around 1e200 and quantities around 1e200 without overflow', () => {
    // Q = 40 − 1e-199·P through P = 1e200, 2e200, 3e200 (Q = 30, 20, 10).
    const cheap = fitDemand([1, 2, 3].map((i) => ({ price: i * 1e200, quantity: 40 - 10 * i })), 'linear');
    expect(cheap.ok && cheap.value.form === 'linear' && [cheap.value.a, cheap.value.b / 1e-199, cheap.value.r2]).toEqual([
      expect.closeTo(40, 9),
      expect.closeTo(1, 9),
      expect.closeTo(1, 12),
    ]);
    // Q = 4e200 − 1e200·P through P = 1, 2, 3.
    const big = fitDemand([1, 2, 3].map((p) => ({ price: p, quantity: (4 - p) * 1e200 })), 'linear');
    expect(big.ok && big.value.form === 'linear' && [big.value.a / 1e200, big.value.b / 1e200]).toEqual([expect.closeTo(4, 9), expect.closeTo(1, 9)]);
  });

  it('refuses a fit whose figures leave the arithmetic, instead of showing NaN', () => {
    // k = 1e300 · (1e-300)^1.5 = 1e-150 is a number, but the fitted quantity k·P^e at P = 1e-300 is
    // 1e-150 · 1e450, beyond the largest double: the R² of quantities would be NaN.
    const points = [1, 2, 4].map((i) => ({ price: i * 1e-300, quantity: 1e300 * i ** -1.5 }));
    const fit = fitDemand(points, 'constant-elasticity');
    expect(fit).toMatchObject({ ok: false, error: { code: 'DEMAND_OUT_OF_RANGE' } });
  });
});
