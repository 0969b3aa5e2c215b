import { describe, expect, it } from 'vitest';
import { explainInfeasible } from '../../../../src/core/lp/explain-infeasible';
import type { LpConstraint, LpModel, LpVariable } from '../../../../src/core/lp/lp-model';
import { runGlpk } from '../../../../src/core/lp/run-glpk';
import { createRng, type Rng } from '../../../../src/core/shared/rng';
import { glpk, parsedLp } from '../../../helpers/lp';

async function explained(text: string) {
  return explainInfeasible(parsedLp(text), glpk);
}

describe('explainInfeasible', () => {
  it('names the two constraints that cannot hold together, and the least change', async () => {
    // x ≥ 5 and x ≤ 3 clash; y ≤ 10 and x + y ≤ 20 are innocent. The least total change
    // is 2: lower "at least 5" to 3 or raise "at most 3" to 5.
    const e = await explained('Maximize\n obj: x + y\nSubject To\n low: x >= 5\n cap: y <= 10\n high: x <= 3\n sum: x + y <= 20\nEnd\n');
    expect(e.conflict).toEqual(['low', 'high']);
    expect(e.totalRelaxation).toBeCloseTo(2, 9);
    expect(e.relaxation.every((r) => ['low', 'high'].includes(r.constraint))).toBe(true);
  });

  it('finds a conflict of three constraints, none of which can be dropped', async () => {
    // a + b ≥ 10, a ≤ 4, b ≤ 4: any two can hold, not all three; 'other' is innocent.
    const e = await explained('Maximize\n obj: a\nSubject To\n need: a + b >= 10\n other: a - b <= 100\n ca: a <= 4\n cb: b <= 4\nEnd\n');
    expect(e.conflict).toEqual(['need', 'ca', 'cb']);
    expect(e.totalRelaxation).toBeCloseTo(2, 9);
  });

  it('keeps variable bounds in force: a single constraint can clash with a bound', async () => {
    const e = await explained('Minimize\n obj: x\nSubject To\n c: x >= 8\nBounds\n x <= 5\nEnd\n');
    expect(e.conflict).toEqual(['c']);
    expect(e.relaxation).toEqual([{ constraint: 'c', by: 3 }]);
  });

  it('finds the small conflict first, though the rows before it clash too', async () => {
    // The budget (10) and the need (20) clash: 2 rows. The three caps (4 each, 12 in all)
    // clash with the need too, but take 4 rows; a filter in row order drops the budget first
    // and ends with the caps. Least change: 10 in total (e.g. the need down to 10).
    const e = await explained(
      'Maximize\n obj: x1 + x2 + x3\nSubject To\n budget: x1 + x2 + x3 <= 10\n ca: x1 <= 4\n cb: x2 <= 4\n cc: x3 <= 4\n need: x1 + x2 + x3 >= 20\nEnd\n',
    );
    expect(e.conflict).toEqual(['budget', 'need']);
    expect(e.conflictComplete).toBe(true);
    expect(e.totalRelaxation).toBeCloseTo(10, 9);
  });

  it('explains a single row that clashes with the bounds alone (the filter then checks no rows)', async () => {
    // x, y ≥ 0, so x + y ≤ −1 cannot hold; it has to move up by 1.
    const e = await explained('Maximize\n obj: x + y\nSubject To\n c: x + y <= -1\nEnd\n');
    expect(e.conflict).toEqual(['c']);
    expect(e.relaxation).toEqual([{ constraint: 'c', by: 1 }]);
  });

  it('explains an integer model infeasible only in whole numbers on the model itself', async () => {
    // 2x = 1 needs x = ½; the nearest whole x (0 or 1) needs the right-hand side moved by 1.
    const e = await explained('Maximize\n obj: x\nSubject To\n c: 2 x = 1\n cap: x <= 10\nGeneral\n x\nEnd\n');
    expect(e.explainedOn).toBe('model');
    expect(e.conflict).toEqual(['c']);
    expect(e.relaxation).toEqual([{ constraint: 'c', by: 1 }]);
  });

  it('explains a large integer model on its LP relaxation', async () => {
    // 300 whole variables in [0, 1]: at most 5 of them and at least 10 of them clash in the
    // relaxation already; the least change is 5.
    const names = Array.from({ length: 300 }, (_, j) => `x${j}`);
    const all = Object.fromEntries(names.map((n) => [n, 1]));
    const model: LpModel = {
      sense: 'max',
      variables: names.map((name) => ({ name, objective: 1, upper: 1, integer: true })),
      constraints: [
        { name: 'cap', terms: all, op: '<=', rhs: 5 },
        { name: 'need', terms: all, op: '>=', rhs: 10 },
      ],
    };
    const e = await explainInfeasible(model, glpk);
    expect(e.explainedOn).toBe('relaxation');
    expect(e.conflict).toEqual(['cap', 'need']);
    expect(e.conflictComplete).toBe(true);
    expect(e.totalRelaxation).toBeCloseTo(5, 9);
  });

  it('returns conflicts that cannot hold and from which no row can be dropped (120 random models)', async () => {
    const rng = createRng(20240611);
    let checked = 0;
    let integerModels = 0;
    for (let attempt = 0; attempt < 5000 && checked < 120; attempt++) {
      const model = randomModel(rng);
      if ((await runGlpk(model, glpk)).status !== 'infeasible') continue;
      checked++;
      if (model.variables.some((v) => v.integer)) integerModels++;
      const e = await explainInfeasible(model, glpk);
      const context = `attempt ${attempt}: ${JSON.stringify(model)} → ${JSON.stringify(e.conflict)}`;
      expect(e.conflictComplete, context).toBe(true);
      const rows = model.constraints.filter((c) => e.conflict.includes(c.name));
      expect(rows.length, context).toBeGreaterThan(0); // the generator's bounds alone always hold
      expect(await status(model, rows), context).toBe('infeasible');
      for (const row of rows) expect(await status(model, rows.filter((c) => c !== row)), `${context} without ${row.name}`).toBe('optimal');
      // Moving the named right-hand sides by the amounts given makes the model feasible.
      const relaxed = model.constraints.flatMap((c): LpConstraint[] => {
        const by = e.relaxation.find((r) => r.constraint === c.name)?.by ?? 0;
        if (c.op === '<=') return [{ ...c, rhs: c.rhs + by }];
        if (c.op === '>=') return [{ ...c, rhs: c.rhs - by }];
        return [{ ...c, op: '<=', rhs: c.rhs + by }, { ...c, name: `${c.name}_lo`, op: '>=', rhs: c.rhs - by }];
      });
      expect(await status(model, relaxed), context).toBe('optimal');
    }
    expect(checked).toBe(120);
    expect(integerModels).toBeGreaterThan(20);
  });
});

/** Is this set of rows (with the model's bounds and integrality) feasible? */
async function status(model: LpModel, constraints: LpConstraint[]): Promise<string> {
  if (constraints.length === 0) return 'optimal'; // the generator's bounds always hold
  const probe: LpModel = { ...model, variables: model.variables.map((v) => ({ ...v, objective: 0 })), constraints };
  return (await runGlpk(probe, glpk, { timeLimitSeconds: 5 })).status;
}

/**
 * 2–6 variables (a third free, some bounded; in a third of the models most are whole and
 * boxed), 3–10 rows with small whole coefficients (in integer models, equations with even
 * ones, so that some are infeasible only in whole numbers).
 */
function randomModel(rng: Rng): LpModel {
  const between = (lo: number, hi: number) => lo + rng.int(hi - lo + 1);
  const integer = rng.next() < 0.35;
  const variables = Array.from({ length: between(2, 6) }, (_, j): LpVariable => {
    const v: LpVariable = { name: `x${j}`, objective: between(-3, 5) };
    if (integer && rng.next() < 0.7) return { ...v, integer: true, lower: between(-3, 0), upper: between(2, 9) };
    const r = rng.next();
    if (r < 0.35) v.lower = Number.NEGATIVE_INFINITY;
    else if (r < 0.5) v.lower = -between(1, 5);
    else if (r < 0.65) v.upper = between(2, 9);
    return v;
  });
  const constraints = Array.from({ length: between(3, 10) }, (_, i): LpConstraint => {
    const r = rng.next();
    const op = r < 0.4 ? '<=' : r < 0.8 ? '>=' : '=';
    const even = integer && op === '=' && rng.next() < 0.6 ? 2 : 1;
    const terms: Record<string, number> = {};
    for (const v of variables) if (rng.next() < 0.6) terms[v.name] = (between(-3, 4) || 1) * even;
    if (Object.keys(terms).length === 0) terms[variables[0].name] = even;
    return { name: `r${i}`, terms, op, rhs: between(-4, 14) };
  });
  return { sense: rng.next() < 0.5 ? 'max' : 'min', variables, constraints };
}
