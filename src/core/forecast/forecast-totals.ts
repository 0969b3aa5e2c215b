/**
 * Totals of a forecast: over the whole horizon, and per calendar quarter and year of it when
 * the periods are finer (next quarter's and next year's numbers). A week counts in the
 * quarter and year of its Thursday, as ISO 8601 gives a week to the year of its Thursday.
 *
 * The range of a total is not the sum of the ranges (the errors of successive periods are
 * correlated): the engine reads it off the sums of simulated future paths. So the groups are
 * known before the fit (totalGroups, from the forecast periods' keys: the worker passes their
 * steps as `totals`), and forecastTotals fills each total's range from the engine's answer.
 */
import type { ForecastTotalRange } from './fit-forecast';
import { nextPeriodKey, periodKey, periodOrdinal, periodStart, ordinalKey, type PeriodUnit } from './periods';

const DAY_MS = 86_400_000;

/** The range of a total, when the engine gives one. */
export interface TotalRange {
  lower80: number;
  upper80: number;
  lower95: number;
  upper95: number;
}

/** A total of consecutive forecast periods. */
export interface ForecastTotal {
  /** 'horizon' for every forecast period; else the calendar quarter or year. */
  kind: 'horizon' | 'quarter' | 'year';
  /** The quarter's or year's key ('2024-Q1', '2024'); '' for the horizon. */
  key: string;
  /** First and last forecast period in it. */
  first: string;
  last: string;
  /** Forecast periods in it. */
  count: number;
  /** Periods of the unit in the whole quarter or year (equal to `count` when the horizon covers all of it). */
  size: number;
  /** The forecast steps in it (0-based: 0 is the first forecast period), oldest first. */
  steps: number[];
  /** Sum of the point forecasts (the rows' own figures, in the same order as the engine sums them). */
  total: number;
  /** null: the engine gave no range for these steps. */
  range: TotalRange | null;
}

/** A total before the forecast: which periods it adds up. */
export type TotalGroup = Omit<ForecastTotal, 'total' | 'range'>;

/** Units a total per quarter, and per year, is given for. */
const GROUPS: Readonly<Record<PeriodUnit, readonly ('quarter' | 'year')[]>> = {
  day: ['quarter', 'year'],
  week: ['quarter', 'year'],
  month: ['quarter', 'year'],
  quarter: ['year'],
  year: [],
};

/**
 * The moment that tells which quarter or year a period counts in: its first day, or for an
 * ISO week its Thursday.
 */
function anchor(key: string, unit: PeriodUnit): number {
  const start = periodStart(key, unit);
  return unit === 'week' ? start + 3 * DAY_MS : start;
}

/** How many periods of `unit` count in the quarter or year `group`. */
function groupSize(group: string, groupUnit: 'quarter' | 'year', unit: PeriodUnit): number {
  const from = periodStart(group, groupUnit);
  const to = periodStart(nextPeriodKey(group, groupUnit), groupUnit);
  // A week starting up to 6 days before the quarter may count in it (by its Thursday).
  let count = 0;
  for (let ordinal = periodOrdinal(from - 7 * DAY_MS, unit); ordinal <= periodOrdinal(to, unit); ordinal++) {
    const at = anchor(ordinalKey(ordinal, unit), unit);
    if (at >= from && at < to) count++;
  }
  return count;
}

/**
 * The groups of the totals of a forecast: per calendar quarter and year the horizon touches
 * (oldest first, quarters before years; a quarter or year the horizon covers only in part says
 * so with `count` < `size`), then the whole horizon. Known from the periods alone, so the
 * worker passes their `steps` to the fit (`totals`) for the ranges.
 * @param periods the forecast periods' keys, consecutive, of `unit`
 * @param unit their calendar unit
 * @example totalGroups(['2024-11', '2024-12', '2025-01'], 'month').map((g) => g.steps)
 * // [[0, 1], [2], [0, 1], [2], [0, 1, 2]]
 */
export function totalGroups(periods: readonly string[], unit: PeriodUnit): TotalGroup[] {
  if (periods.length === 0) return [];
  const out: TotalGroup[] = [];
  for (const groupUnit of GROUPS[unit]) {
    const groups: TotalGroup[] = [];
    for (let i = 0; i < periods.length; i++) {
      const group = periodKey(anchor(periods[i], unit), groupUnit);
      let current = groups[groups.length - 1];
      if (current === undefined || current.key !== group) {
        current = { kind: groupUnit, key: group, first: periods[i], last: periods[i], count: 0, size: groupSize(group, groupUnit, unit), steps: [] };
        groups.push(current);
      }
      current.last = periods[i];
      current.count++;
      current.steps.push(i);
    }
    out.push(...groups);
  }
  const steps = periods.map((_, i) => i);
  out.push({ kind: 'horizon', key: '', first: periods[0], last: periods[periods.length - 1], count: periods.length, size: periods.length, steps });
  return out;
}

const sameSteps = (a: readonly number[], b: readonly number[]) => a.length === b.length && a.every((h, i) => h === b[i]);

/**
 * The totals of a forecast (the groups of totalGroups), each the sum of its periods' point
 * forecasts, with its 80 % and 95 % range when the engine gave one for the same steps.
 * @param periods the forecast periods' keys, consecutive, of `unit`
 * @param unit their calendar unit
 * @param forecast the point forecasts, one per period
 * @param ranges the engine's ranges of sums (`Forecast.totals`), matched by their steps
 * @throws RangeError when the lengths differ
 * @example forecastTotals(['2024-11', '2024-12', '2025-01'], 'month', [1, 2, 3])
 * // 2024-Q4 (2 of 3 months) 3, 2025-Q1 (1 of 3) 3, 2024 (2 of 12) 3, 2025 (1 of 12) 3, horizon 6
 */
export function forecastTotals(
  periods: readonly string[],
  unit: PeriodUnit,
  forecast: readonly number[],
  ranges: readonly ForecastTotalRange[] = [],
): ForecastTotal[] {
  if (periods.length !== forecast.length) throw new RangeError(`${periods.length} periods but ${forecast.length} forecasts`);
  return totalGroups(periods, unit).map((group) => {
    // Summed from 0 in step order, as the engine sums its `total`: the same number.
    const total = group.steps.reduce((sum, h) => sum + forecast[h], 0);
    const found = ranges.find((r) => sameSteps(r.steps, group.steps));
    const range = found ? { lower80: found.lower80, upper80: found.upper80, lower95: found.lower95, upper95: found.upper95 } : null;
    return { ...group, total, range };
  });
}
