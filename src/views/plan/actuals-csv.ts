/**
 * Actuals of the plan's monitoring step read from a CSV file with the columns period, goal and
 * value (in any order, any case; the goal by its id or its label). Rows that cannot be used
 * are reported with their line, never half-read; the rows that can be used replace the
 * actuals of the same period and goal.
 */
import Papa from 'papaparse';
import type { Plan, PlanActual } from '../../core/plan/plan';
import { readNumber } from '../../lib/i18n/read-number';

/** Why a row was not used. */
export type ActualsRowProblem = 'period' | 'goal' | 'value';

export interface ActualsCsvRead {
  /** The actuals read, one per period and goal (a later row wins). */
  actuals: PlanActual[];
  /** Rows not used: the line in the file (the header is line 1) and why. */
  problems: { line: number; problem: ActualsRowProblem; text: string }[];
  /** Columns missing from the header; nothing is read then. */
  missing: ('period' | 'goal' | 'value')[];
}

const COLUMNS = ['period', 'goal', 'value'] as const;

/**
 * Reads the actuals of `plan` from CSV text. Numbers are read in `locale` ("1.234,5" in
 * German) or plainly ("1234.5").
 * @example readActualsCsv('period,goal,value\n2025-01,g1,120000', plan, 'en').actuals // [{ period: '2025-01', goalId: 'g1', value: 120000 }]
 */
export function readActualsCsv(text: string, plan: Pick<Plan, 'goals' | 'monitoring'>, locale: string): ActualsCsvRead {
  const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { skipEmptyLines: 'greedy' });
  const rows = parsed.data;
  const header = (rows[0] ?? []).map((cell) => cell.trim().toLowerCase());
  const index = Object.fromEntries(COLUMNS.map((name) => [name, header.indexOf(name)])) as Record<(typeof COLUMNS)[number], number>;
  const missing = COLUMNS.filter((name) => index[name] < 0);
  if (missing.length > 0) return { actuals: [], problems: [], missing };

  const periods = new Set(plan.monitoring.periods);
  const goalOf = (cell: string) => {
    const key = cell.trim();
    const lower = key.toLowerCase();
    return plan.goals.find((g) => g.id === key) ?? plan.goals.find((g) => g.label.trim().toLowerCase() === lower) ?? null;
  };
  const read = new Map<string, PlanActual>();
  const problems: ActualsCsvRead['problems'] = [];
  rows.slice(1).forEach((row, i) => {
    const line = i + 2;
    const period = (row[index.period] ?? '').trim();
    const goalCell = row[index.goal] ?? '';
    const valueCell = row[index.value] ?? '';
    if (!periods.has(period)) return problems.push({ line, problem: 'period', text: period });
    const goal = goalOf(goalCell);
    if (!goal) return problems.push({ line, problem: 'goal', text: goalCell.trim() });
    const value = readNumber(valueCell, locale);
    if (value === null || !Number.isFinite(value)) return problems.push({ line, problem: 'value', text: valueCell.trim() });
    read.set(`${period}\u0000${goal.id}`, { period, goalId: goal.id, value });
  });
  return { actuals: [...read.values()], problems, missing: [] };
}

/** The plan's actuals with `incoming` replacing those of the same period and goal. */
export function mergeActuals(current: readonly PlanActual[], incoming: readonly PlanActual[]): PlanActual[] {
  const key = (a: PlanActual) => `${a.period}\u0000${a.goalId}`;
  const replaced = new Set(incoming.map(key));
  return [...current.filter((a) => !replaced.has(key(a))), ...incoming.map((a) => ({ ...a }))];
}
