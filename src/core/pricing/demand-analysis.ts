/**
 * The demand analysis of the pricing screen in one call: both fits, the curve in use (the
 * better or the chosen one), the best price, the figures at the current price, the
 * recommendation inside an acceptable range, the price scenarios and the lines of the charts.
 * A fit or an optimum that fails is part of the answer, so the other figures still show;
 * only a bad cost or current price refuses the whole.
 */
import { breakEvenVolume, checkCosts } from './costs';
import { compareDemandFits, type DemandComparison } from './compare-demand-fits';
import { elasticityAt, profitAt, quantityAt, type DemandCurve, type DemandForm, type DemandModel } from './demand-curve';
import type { DemandPoint } from './fit-demand';
import { optimalPrice, type OptimalPrice } from './optimal-price';
import { MAX_SCENARIOS, priceScenarios, type PriceScenario } from './price-scenarios';
import { recommendPrice, type PriceRecommendation } from './recommend-price';
import { fail, ok, type Result } from '../shared/result';

/** Points on each chart line: smooth at any width the chart is drawn. */
export const CHART_POINTS = 81;

/** Which curve the analysis uses: the better fit (compareDemandFits), or one form. */
export type FormChoice = 'better' | DemandForm;

export interface DemandRequest {
  points: DemandPoint[];
  form: FormChoice;
  unitCost: number;
  fixedCost: number;
  /** The price charged now (null: none given). */
  currentPrice: number | null;
  /** An acceptable price range (Van Westendorp's PMC to PME), for the recommendation. */
  range: [number, number] | null;
  /** Prices to compare; null: the suggested ones (current, best, range ends…). */
  scenarioPrices: number[] | null;
}

/** What a curve gives at one price. */
export interface PriceFigures {
  price: number;
  quantity: number;
  revenue: number;
  profit: number;
  elasticity: number;
}

/** The lines the charts draw, computed on the chosen curve. */
export interface DemandChartLines {
  /** Prices from a little below the lowest price of interest to above the highest. */
  prices: number[];
  quantity: number[];
  revenue: number[];
  profit: number[];
  /** Against quantity: the price the curve asks for it and the marginal revenue there. */
  byQuantity: { quantity: number; price: number; mr: number }[];
}

export interface DemandAnalysis {
  comparison: DemandComparison;
  /** The form in use (the better one, or the one chosen); null when neither form fits. */
  form: DemandForm | null;
  /** The fit of the form in use (or the refusal of both). */
  fit: Result<DemandCurve>;
  /** The profit-maximising price with break-even; null when the fit failed. */
  optimal: Result<OptimalPrice> | null;
  current: PriceFigures | null;
  /** Units that cover the fixed cost at the current price. */
  currentBreakEvenVolume: Result<number> | null;
  recommendation: Result<PriceRecommendation> | null;
  scenarios: { prices: number[]; suggested: boolean; table: Result<PriceScenario[]> } | null;
  chart: DemandChartLines | null;
}

/**
 * Fits both demand forms, takes the better (or the chosen) one, and works out on it the best
 * price, the figures at the current price, the recommendation inside the range, the
 * scenarios and the chart lines. Refused as a whole only for a bad cost or current price
 * (the screen shows those next to their fields); a fit or optimum that fails is part of the
 * answer, so the other figures still show.
 */
export function analyseDemand(request: DemandRequest): Result<DemandAnalysis> {
  const { unitCost, fixedCost, currentPrice } = request;
  const costs = checkCosts(unitCost, fixedCost);
  if (!costs.ok) return costs;
  if (currentPrice !== null && (!Number.isFinite(currentPrice) || currentPrice <= 0)) {
    return fail('PRICING_BAD_PRICE', `A price must be a number above zero, got ${currentPrice}.`, { value: String(currentPrice), field: 'currentPrice' });
  }
  const comparison = compareDemandFits(request.points);
  const form = request.form === 'better' ? comparison.better : request.form;
  const fit: Result<DemandCurve> =
    form === 'linear' ? comparison.linear : form === 'constant-elasticity' ? comparison.constantElasticity : comparison.linear;
  const empty = { optimal: null, current: null, currentBreakEvenVolume: null, recommendation: null, scenarios: null, chart: null };
  if (!fit.ok) return ok({ comparison, form, fit, ...empty });
  const curve = fit.value;
  const optimal = optimalPrice(curve, unitCost, fixedCost);
  const current = currentPrice === null ? null : figuresAt(curve, currentPrice, unitCost, fixedCost);
  const currentBreakEvenVolume = currentPrice === null ? null : breakEvenVolume(currentPrice, unitCost, fixedCost);
  const recommendation = request.range ? recommendPrice(curve, unitCost, fixedCost, request.range) : null;
  const suggested = request.scenarioPrices === null;
  const prices = request.scenarioPrices ?? suggestedPrices(curve, currentPrice, optimal, recommendation, request.range);
  const scenarios = prices.length > 0 || !suggested ? { prices, suggested, table: priceScenarios(curve, unitCost, fixedCost, prices) } : null;
  const chart = chartLines(curve, unitCost, fixedCost, [
    currentPrice,
    optimal.ok ? optimal.value.price : null,
    optimal.ok && optimal.value.revenueMaxPrice !== null ? optimal.value.revenueMaxPrice : null,
    ...(request.range ?? []),
    ...prices,
    unitCost > 0 ? unitCost : null,
  ]);
  return ok({ comparison, form, fit, optimal, current, currentBreakEvenVolume, recommendation, scenarios, chart });
}

function figuresAt(curve: DemandModel, price: number, unitCost: number, fixedCost: number): PriceFigures {
  const quantity = quantityAt(curve, price);
  return { price, quantity, revenue: price * quantity, profit: profitAt(curve, price, unitCost, fixedCost), elasticity: elasticityAt(curve, price) };
}

/** Rounded to cents, as a person would type a price. */
const cents = (price: number): number => Math.round(price * 100) / 100;

/**
 * Prices worth comparing, at most five and each once: the current price, the best one, the
 * recommended one and the ends of the acceptable range when there is one; otherwise the
 * revenue-maximising price and the lowest and highest prices in the data.
 */
export function suggestedPrices(
  curve: DemandCurve,
  currentPrice: number | null,
  optimal: Result<OptimalPrice>,
  recommendation: Result<PriceRecommendation> | null,
  range: [number, number] | null,
): number[] {
  const best = optimal.ok ? optimal.value : null;
  const candidates = range
    ? [currentPrice, best?.price, recommendation?.ok ? recommendation.value.price : null, range[0], range[1], best?.revenueMaxPrice]
    : [currentPrice, best?.price, best?.revenueMaxPrice, curve.priceRange[0], curve.priceRange[1]];
  const prices: number[] = [];
  for (const candidate of candidates) {
    if (candidate === null || candidate === undefined || !Number.isFinite(candidate) || candidate <= 0) continue;
    const price = cents(candidate);
    if (price > 0 && !prices.includes(price)) prices.push(price);
    if (prices.length === MAX_SCENARIOS) break;
  }
  return prices;
}

/**
 * The lines of the charts. Prices run from half the lowest price of interest (data, marks,
 * unit cost) to a quarter above the highest, and never past the price where linear demand
 * falls to zero; quantities are those of these prices.
 */
export function chartLines(curve: DemandCurve, unitCost: number, fixedCost: number, marks: (number | null)[]): DemandChartLines {
  const ofInterest = [curve.priceRange[0], curve.priceRange[1], ...marks.filter((m): m is number => m !== null && Number.isFinite(m) && m > 0)];
  let low = Math.min(...ofInterest) * 0.5;
  let high = Math.max(...ofInterest) * 1.25;
  if (curve.form === 'linear') {
    const choke = curve.a / curve.b;
    high = Math.min(high, choke);
    low = Math.min(low, high / 2);
  }
  const prices: number[] = [];
  for (let i = 0; i < CHART_POINTS; i++) prices.push(i === CHART_POINTS - 1 ? high : low + ((high - low) * i) / (CHART_POINTS - 1));
  const quantity = prices.map((p) => quantityAt(curve, p));
  const revenue = prices.map((p, i) => p * quantity[i]);
  const profit = prices.map((p) => profitAt(curve, p, unitCost, fixedCost));
  // Against quantity, from the most sold (lowest price) to the least: P(Q) and MR(Q).
  const byQuantity = prices
    .map((price, i) => ({ quantity: quantity[i], price, mr: marginalRevenueOf(curve, price) }))
    .filter((point) => point.quantity > 0)
    .sort((x, y) => x.quantity - y.quantity);
  return { prices, quantity, revenue, profit, byQuantity };
}

/**
 * Marginal revenue of a demand curve at the quantity sold at `price`: linear (a − 2Q)/b,
 * which is 2P − a/b; constant elasticity P·(1 + 1/e).
 */
export function marginalRevenueOf(curve: DemandModel, price: number): number {
  if (curve.form === 'linear') return 2 * price - curve.a / curve.b;
  return price * (1 + 1 / curve.e);
}
