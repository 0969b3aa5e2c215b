import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parsed } from '../../helpers/datasets';
import { pricingWorkerApi, type DemandAnalysis, type DemandRequest } from '../../../src/workers/pricing-api';
import type { Result } from '../../../src/core/shared/result';

const sample = (name: string) => ({ ...parsed(new Uint8Array(readFileSync(resolve(process.cwd(), 'public/samples', name)))), name });
const tests = sample('price-tests.csv');
const survey = sample('price-survey.csv');

/** The rows of the price-tests sample of one segment, read straight from the CSV text. */
function rowsOf(segment: string): { price: number; quantity: number }[] {
  const lines = readFileSync(resolve(process.cwd(), 'public/samples/price-tests.csv'), 'utf8').trim().split(/\r?\n/).slice(1);
  return lines.map((l) => l.split(',')).filter((c) => c[1] === segment).map((c) => ({ price: Number(c[2]), quantity: Number(c[3]) }));
}

/** Ordinary least squares of y on x, written out here (not the engine's). */
function ols(x: number[], y: number[]): { intercept: number; slope: number; r2: number } {
  const n = x.length;
  const mx = x.reduce((s, v) => s + v, 0) / n;
  const my = y.reduce((s, v) => s + v, 0) / n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    sxy += (x[i] - mx) * (y[i] - my);
    sxx += (x[i] - mx) ** 2;
    syy += (y[i] - my) ** 2;
  }
  const slope = sxy / sxx;
  return { intercept: my - slope * mx, slope, r2: (sxy * sxy) / (sxx * syy) };
}

const request = (points: { price: number; quantity: number }[], extra: Partial<DemandRequest> = {}): DemandRequest => ({
  points,
  form: 'better',
  unitCost: 10,
  fixedCost: 0,
  currentPrice: null,
  range: null,
  scenarioPrices: null,
  ...extra,
});

function value<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value;
}

describe('pricingWorkerApi.marginalRevenue', () => {
  it('works the strategy text example: MR = 100 (1 − 1000/1000) − 60 = −60, with its curve', () => {
    const out = value(pricingWorkerApi.marginalRevenue({ price: 100, unitCost: 60, baseQuantity: 1000, quantity: 1000 }));
    expect(out.working).toEqual({ ratio: 1, factor: 0, revenueTerm: 0, mr: -60 });
    expect(out.curve).toHaveLength(51);
    expect(out.curve[0]).toEqual({ quantity: 0, mr: 40 });
    expect(out.curve[50]).toEqual({ quantity: 1000, mr: -60 });
  });

  it('refuses a base quantity of zero with the engine code', () => {
    const out = pricingWorkerApi.marginalRevenue({ price: 100, unitCost: 60, baseQuantity: 0, quantity: 10 });
    expect(!out.ok && out.error.code).toBe('MR_BASE_NOT_POSITIVE');
  });
});

describe('pricingWorkerApi on the price-tests sample', () => {
  const small = rowsOf('Small firms');
  const mid = rowsOf('Mid-market');

  it('reads the 20 points of one segment', () => {
    const read = value(pricingWorkerApi.demandPoints(tests, { price: 'list_price', quantity: 'licences_sold', filter: { column: 'segment', equals: 'Small firms' } }));
    expect(read.skipped).toBe(0);
    expect(read.points).toEqual(small);
    expect(small).toHaveLength(20);
  });

  it('fits Small firms: the straight line is better, and p* = (a/b + c)/2 on our own least squares', () => {
    const line = ols(small.map((p) => p.price), small.map((p) => p.quantity));
    const a = line.intercept;
    const b = -line.slope;
    const out = value(pricingWorkerApi.analyseDemand(request(small, { unitCost: 10, fixedCost: 0, currentPrice: 49 })));
    expect(out.form).toBe('linear');
    expect(out.comparison.reason).toBe('higher-r2-quantity');
    const fit = value(out.fit);
    expect(fit.form === 'linear' && fit.a).toBeCloseTo(a, 8);
    expect(fit.form === 'linear' && fit.b).toBeCloseTo(b, 8);
    expect(fit.r2).toBeCloseTo(line.r2, 10);
    // Independently: a ≈ 836.58, b ≈ 9.68, p* = (a/b + 10)/2 ≈ 48.20.
    expect(a).toBeCloseTo(836.58, 2);
    expect(b).toBeCloseTo(9.68, 2);
    const best = value(out.optimal!);
    const expected = (a / b + 10) / 2;
    expect(best.price).toBeCloseTo(expected, 8);
    expect(best.price.toFixed(2)).toBe('48.20');
    expect(best.quantity).toBeCloseTo(a - b * expected, 6);
    expect(best.profit).toBeCloseTo((expected - 10) * (a - b * expected), 4);
    expect(best.revenueMaxPrice).toBeCloseTo(a / (2 * b), 8);
    expect(best.outsideData).toBe(false);
    // Elasticity at the current price: −b·P/Q.
    expect(out.current!.elasticity).toBeCloseTo((-b * 49) / (a - b * 49), 8);
    // With no unit cost the best price is the revenue-maximising one, a/2b ≈ 43.20.
    const free = value(value(pricingWorkerApi.analyseDemand(request(small, { unitCost: 0 }))).optimal!);
    expect(free.price).toBeCloseTo(a / (2 * b), 8);
    expect(free.price.toFixed(2)).toBe('43.20');
    // The suggested scenarios: current, best, revenue max, lowest and highest price in the data.
    expect(out.scenarios?.suggested).toBe(true);
    expect(out.scenarios?.prices).toEqual([49, 48.2, Number((a / (2 * b)).toFixed(2)), 35, 69]);
    const rows = value(out.scenarios!.table);
    expect(rows[0].quantity).toBeCloseTo(a - b * 49, 8);
    expect(rows[0].profit).toBeCloseTo((49 - 10) * (a - b * 49), 6);
  });

  it('fits Mid-market: constant elasticity is better, and p* = c·e/(1 + e) on our own log-log fit', () => {
    const line = ols(mid.map((p) => Math.log(p.price)), mid.map((p) => Math.log(p.quantity)));
    const e = line.slope;
    const out = value(pricingWorkerApi.analyseDemand(request(mid, { unitCost: 20 })));
    expect(out.form).toBe('constant-elasticity');
    const fit = value(out.fit);
    expect(fit.form === 'constant-elasticity' && fit.e).toBeCloseTo(e, 8);
    expect(fit.form === 'constant-elasticity' && fit.k).toBeCloseTo(Math.exp(line.intercept), 2);
    expect(value(out.optimal!).price).toBeCloseTo((20 * e) / (1 + e), 8);
    // The straight line can still be chosen by hand.
    const linear = value(pricingWorkerApi.analyseDemand(request(mid, { unitCost: 20, form: 'linear' })));
    expect(linear.form).toBe('linear');
    const l = ols(mid.map((p) => p.price), mid.map((p) => p.quantity));
    expect(value(linear.optimal!).price).toBeCloseTo((l.intercept / -l.slope + 20) / 2, 8);
  });

  it('says both segments pooled do not show a demand curve (quantity rises with the price)', () => {
    const pooled = value(pricingWorkerApi.demandPoints(tests, { price: 'list_price', quantity: 'licences_sold' })).points;
    const out = value(pricingWorkerApi.analyseDemand(request(pooled)));
    expect(out.form).toBeNull();
    expect(!out.fit.ok && out.fit.error.code).toBe('DEMAND_NOT_DOWNWARD');
    expect(out.optimal).toBeNull();
    expect(ols(pooled.map((p) => p.price), pooled.map((p) => p.quantity)).slope).toBeGreaterThan(0);
  });

  it('refuses bad input with the engine codes', () => {
    const bad = value(pricingWorkerApi.analyseDemand(request([{ price: 10, quantity: 5 }, { price: 10, quantity: 6 }, { price: 12, quantity: 4 }])));
    expect(!bad.fit.ok && bad.fit.error.code).toBe('TOO_FEW_PRICES');
    const zero = value(pricingWorkerApi.analyseDemand(request([...small, { price: 50, quantity: 0 }], { form: 'constant-elasticity' })));
    expect(!zero.fit.ok && zero.fit.error.code).toBe('DEMAND_NOT_POSITIVE');
    const cost = pricingWorkerApi.analyseDemand(request(small, { unitCost: -1 }));
    expect(!cost.ok && cost.error.params?.field).toBe('unitCost');
    const tooDear = value(pricingWorkerApi.analyseDemand(request(small, { unitCost: 500 })));
    expect(tooDear.optimal && !tooDear.optimal.ok && tooDear.optimal.error.code).toBe('COST_ABOVE_DATA_PRICES');
    const price = pricingWorkerApi.analyseDemand(request(small, { currentPrice: 0 }));
    expect(!price.ok && price.error.code).toBe('PRICING_BAD_PRICE');
  });
});

/** Van Westendorp written out here: shares at each answered price and linear interpolation of crossings. */
function crossings(rows: number[][]): { pmc: number; pme: number } {
  const used = rows.filter((r) => r.every(Number.isFinite) && r.every((v) => v >= 0) && r[0] <= r[1] && r[1] <= r[2] && r[2] <= r[3]);
  const prices = [...new Set(used.flat())].sort((x, y) => x - y);
  const share = (test: (r: number[]) => boolean) => used.filter(test).length / used.length;
  const cross = (d: (p: number) => number) => {
    for (let i = 0; i < prices.length; i++) {
      const here = d(prices[i]);
      if (here === 0) return prices[i];
      if (here < 0) {
        const before = d(prices[i - 1]);
        return prices[i - 1] + ((prices[i] - prices[i - 1]) * before) / (before - here);
      }
    }
    return NaN;
  };
  return {
    pmc: cross((p) => share((r) => r[0] >= p) - (1 - share((r) => r[1] >= p))),
    pme: cross((p) => 1 - share((r) => r[2] <= p) - share((r) => r[3] <= p)),
  };
}

describe('pricingWorkerApi.survey on the price-survey sample', () => {
  const columns = { tooCheap: 'too_cheap', cheap: 'cheap', expensive: 'expensive', tooExpensive: 'too_expensive' };
  const lines = readFileSync(resolve(process.cwd(), 'public/samples/price-survey.csv'), 'utf8').trim().split(/\r?\n/).slice(1).map((l) => l.split(','));

  it('gives the acceptable range of Small firms, with the respondents dropped by reason', () => {
    const out = value(pricingWorkerApi.survey(survey, columns, { column: 'segment', equals: 'Small firms' }));
    const mine = crossings(lines.filter((c) => c[1] === 'Small firms').map((c) => c.slice(2, 6).map((v) => (v.trim() === '' ? NaN : Number(v)))));
    expect(out.pmc).toBeCloseTo(mine.pmc, 10);
    expect(out.pme).toBeCloseTo(mine.pme, 10);
    expect(out.acceptableRange[0].toFixed(2)).toBe('34.26');
    expect(out.acceptableRange[1].toFixed(2)).toBe('84.33');
    expect(out.respondents).toEqual({ total: 92, used: 88, dropped: { missing: 2, negative: 0, outOfOrder: 2 } });
  });

  it('recommends the best profit inside the range', () => {
    const range = value(pricingWorkerApi.survey(survey, columns, { column: 'segment', equals: 'Small firms' })).acceptableRange;
    const small = rowsOf('Small firms');
    const out: DemandAnalysis = value(pricingWorkerApi.analyseDemand(request(small, { unitCost: 10, range })));
    const rec = value(out.recommendation!);
    expect(rec.reason).toBe('optimum-inside');
    expect(rec.price).toBeCloseTo(value(out.optimal!).price, 10);
    // Suggested scenarios with a range: best, recommended (the same), and the range ends.
    expect(out.scenarios?.prices).toEqual([48.2, 34.26, 84.33, 43.2]);
  });

  it('refuses an unknown column with its role', () => {
    const out = pricingWorkerApi.survey(survey, { ...columns, cheap: 'nope' }, null);
    expect(!out.ok && out.error.code).toBe('PRICING_UNKNOWN_COLUMN');
    expect(!out.ok && out.error.params).toEqual({ column: 'nope', role: 'cheap' });
  });
});
