/**
 * What the budget builder knows that an LP does not: the unit of each row (a resource's
 * unit, the currency for revenue goals) and of the objective, so the report can say
 * "¥1,000 more of budget is worth ¥2,156 of revenue".
 */
import type { BuiltBudgetModel } from '../../core/lp/budget-model';
import type { SentenceUnits } from './sensitivity-sentences';

export function budgetUnits(built: BuiltBudgetModel): SentenceUnits {
  const money = built.rows.find((r) => r.explanation.what === 'resource' && r.explanation.kind === 'money' && r.explanation.unit);
  const currency = money && money.explanation.what === 'resource' ? money.explanation.unit : undefined;
  const rows: Record<string, string> = {};
  for (const row of built.rows) {
    if (row.in !== 'constraints') continue;
    const e = row.explanation;
    if (e.what === 'resource' && e.unit) rows[row.name] = e.unit;
    else if (e.what === 'revenue' && currency) rows[row.name] = currency;
  }
  return { objective: currency, rows };
}
