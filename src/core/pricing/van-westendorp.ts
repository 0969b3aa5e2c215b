/**
 * Van Westendorp's price-sensitivity meter: from four survey answers per respondent (too
 * cheap, cheap, expensive, too expensive) the share of respondents for whom each price is
 * each of these, and the prices where those shares cross.
 *
 * Crossings follow the R package pricesensitivitymeter (Alletsee, psm_analysis):
 * - PMC, point of marginal cheapness = "too cheap" ∩ "not cheap" (lower end of the acceptable range)
 * - PME, point of marginal expensiveness = "too expensive" ∩ "not expensive" (upper end)
 * - OPP, optimal price point = "too cheap" ∩ "too expensive"
 * - IDP, indifference price point = "not cheap" ∩ "not expensive" (the same price as "cheap" ∩ "expensive",
 *   the package's wording, since 1 − cheap = 1 − expensive exactly where cheap = expensive)
 * Two differences from the package: a price equal to an answer counts for that answer
 * ("too cheap" at p is the share with too cheap ≥ p, where the package takes > p), and the
 * crossing is interpolated linearly between neighbouring prices (the package, without
 * interpolation, takes the first listed price at which the curves have crossed). Answers
 * may be equal (too cheap ≤ cheap ≤ expensive ≤ too expensive); the package asks for strict order.
 */
import { fail, ok, type Result } from '../shared/result';

export interface VanWestendorpAnswers {
  tooCheap: number;
  cheap: number;
  expensive: number;
  tooExpensive: number;
}

/** The six curves at one price: each the share of consistent respondents (0 to 1). */
export interface VanWestendorpCurvePoint {
  price: number;
  /** Share whose "too cheap" answer is at or above the price. */
  tooCheap: number;
  /** Share whose "cheap" answer is at or above the price. */
  cheap: number;
  /** Share whose "expensive" answer is at or below the price. */
  expensive: number;
  /** Share whose "too expensive" answer is at or below the price. */
  tooExpensive: number;
  /** 1 − cheap */
  notCheap: number;
  /** 1 − expensive */
  notExpensive: number;
}

/** Respondents left out, by reason (each counted once, for the first reason that applies, in this order). */
export interface VanWestendorpDropped {
  /** An answer missing or not a finite number. */
  missing: number;
  /** An answer below zero. */
  negative: number;
  /** Answers not in the order too cheap ≤ cheap ≤ expensive ≤ too expensive. */
  outOfOrder: number;
}

export interface VanWestendorpResult {
  respondents: { total: number; used: number; dropped: VanWestendorpDropped };
  /** One point per distinct price among all consistent answers, ascending. */
  curves: VanWestendorpCurvePoint[];
  /** Point of marginal cheapness: "too cheap" ∩ "not cheap". */
  pmc: number;
  /** Point of marginal expensiveness: "too expensive" ∩ "not expensive". */
  pme: number;
  /** Optimal price point: "too cheap" ∩ "too expensive". */
  opp: number;
  /** Indifference price point: "not cheap" ∩ "not expensive". */
  idp: number;
  /** [PMC, PME]. */
  acceptableRange: [number, number];
}

/** Fewest consistent respondents the meter is computed from: fewer give steps, not curves. */
export const MIN_VW_RESPONDENTS = 5;

/**
 * Van Westendorp price points from survey answers (see the file comment for the convention).
 * Respondents with a missing or negative answer, or answers out of order, are left out and
 * counted; refused when fewer than 5 remain.
 * @example vanWestendorp(rows).value.acceptableRange // [PMC, PME]
 */
export function vanWestendorp(rows: readonly VanWestendorpAnswers[]): Result<VanWestendorpResult> {
  const dropped: VanWestendorpDropped = { missing: 0, negative: 0, outOfOrder: 0 };
  const used: VanWestendorpAnswers[] = [];
  for (const row of rows) {
    const reason = dropReason(row);
    if (reason) dropped[reason]++;
    else used.push(row);
  }
  if (used.length < MIN_VW_RESPONDENTS) {
    return fail(
      'VW_TOO_FEW_RESPONDENTS',
      `Only ${used.length} of ${rows.length} respondents gave four usable answers in order (too cheap ≤ cheap ≤ expensive ≤ too expensive); ` +
        `at least ${MIN_VW_RESPONDENTS} are needed. Left out: ${dropped.missing} with a missing answer, ${dropped.negative} with a negative one, ${dropped.outOfOrder} out of order.`,
      { used: used.length, total: rows.length, needed: MIN_VW_RESPONDENTS, ...dropped },
    );
  }

  // Crossings are found on counts, which are exact; shares of n could miss an exact tie by rounding.
  const counts = countCurves(used);
  const points = {
    pmc: crossing(counts, (c) => c.tooCheap - (c.n - c.cheap)),
    pme: crossing(counts, (c) => c.n - c.expensive - c.tooExpensive),
    opp: crossing(counts, (c) => c.tooCheap - c.tooExpensive),
    idp: crossing(counts, (c) => c.n - c.expensive - (c.n - c.cheap)),
  };
  for (const [point, price] of Object.entries(points)) {
    if (price === null) {
      return fail('VW_NO_CROSSING', `The curves for ${point.toUpperCase()} do not cross at any answered price; the answers are too alike to place it.`, {
        point: point.toUpperCase(),
      });
    }
  }
  const { pmc, pme, opp, idp } = points as Record<keyof typeof points, number>;
  return ok({ respondents: { total: rows.length, used: used.length, dropped }, curves: counts.map(toShares), pmc, pme, opp, idp, acceptableRange: [pmc, pme] });
}

function dropReason(row: VanWestendorpAnswers): keyof VanWestendorpDropped | null {
  const answers = [row.tooCheap, row.cheap, row.expensive, row.tooExpensive];
  if (!answers.every((v) => typeof v === 'number' && Number.isFinite(v))) return 'missing';
  if (answers.some((v) => v < 0)) return 'negative';
  for (let i = 1; i < answers.length; i++) if (answers[i] < answers[i - 1]) return 'outOfOrder';
  return null;
}

/** How many respondents give each answer at or beyond each price (see VanWestendorpCurvePoint). */
interface CurveCounts {
  price: number;
  n: number;
  tooCheap: number;
  cheap: number;
  expensive: number;
  tooExpensive: number;
}

function countCurves(rows: readonly VanWestendorpAnswers[]): CurveCounts[] {
  const prices = [...new Set(rows.flatMap((r) => [r.tooCheap, r.cheap, r.expensive, r.tooExpensive]))].sort((x, y) => x - y);
  const count = (test: (r: VanWestendorpAnswers) => boolean): number => rows.filter(test).length;
  return prices.map((price) => ({
    price,
    n: rows.length,
    tooCheap: count((r) => r.tooCheap >= price),
    cheap: count((r) => r.cheap >= price),
    expensive: count((r) => r.expensive <= price),
    tooExpensive: count((r) => r.tooExpensive <= price),
  }));
}

function toShares(c: CurveCounts): VanWestendorpCurvePoint {
  return {
    price: c.price,
    tooCheap: c.tooCheap / c.n,
    cheap: c.cheap / c.n,
    expensive: c.expensive / c.n,
    tooExpensive: c.tooExpensive / c.n,
    notCheap: (c.n - c.cheap) / c.n,
    notExpensive: (c.n - c.expensive) / c.n,
  };
}

/**
 * Where a falling-minus-rising difference of curves first reaches zero: the listed price if
 * it is zero there, otherwise linear interpolation between the last price above zero and
 * the first below. Every difference used is non-increasing in the price (a falling curve
 * minus a rising one), so this is the crossing; null when the difference never reaches zero.
 */
function crossing(curves: readonly CurveCounts[], difference: (c: CurveCounts) => number): number | null {
  let previous: { price: number; d: number } | null = null;
  for (const point of curves) {
    const d = difference(point);
    if (d === 0) return point.price;
    if (d < 0) {
      if (previous === null) return null;
      return previous.price + ((point.price - previous.price) * previous.d) / (previous.d - d);
    }
    previous = { price: point.price, d };
  }
  return null;
}
