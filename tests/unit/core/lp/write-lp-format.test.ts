import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { writeLpFormat } from '../../../../src/core/lp/write-lp-format';
import { buildBudgetModel, sampleBudgetPlan } from '../../../../src/core/lp/budget-model';
import { toGlpkProblem } from '../../../../src/core/lp/to-glpk';
import type { LpModel } from '../../../../src/core/lp/lp-model';
import { glpkNode, parsedLp } from '../../../helpers/lp';

const parsed = parsedLp;

/** Models compared by content: maps as plain objects. */
const plain = (m: LpModel) => ({ ...m, name: '', constraints: m.constraints.map((c) => ({ ...c, terms: { ...c.terms } })) });

describe('writeLpFormat', () => {
  it('writes what parseLpFormat reads back unchanged: bounds, free, integers, binaries, signs', () => {
    const m = parsed(`Minimize
 cost: 3 x + 2.5 y - z
Subject To
 a: x + y >= 2
 b: - x + 2 y - 3 z = -1.5
 c: 1e-7 x - 1e21 y <= 8
Bounds
 x <= 10
 -5 <= y <= 5
 z free
 w = 3
 0 <= idle <= inf
General
 x
Binary
 b1
End`);
    const again = parsed(writeLpFormat(m));
    expect(plain(again)).toEqual(plain(m));
  });

  it('round-trips the shared budget model of 1,000 variables', () => {
    const m = parsed(readFileSync(resolve(process.cwd(), '../shared/lp/budget_n1000.lp'), 'utf8'));
    expect(plain(parsed(writeLpFormat(m)))).toEqual(plain(m));
  });

  it('keeps a zero objective valid', () => {
    const m = parsed('Maximize\n obj: 0 x\nSubject To\n c: x <= 1\nEnd\n');
    expect(parsed(writeLpFormat(m)).variables.map((v) => v.name)).toEqual(['x']);
  });
});

const GLPSOL = '/usr/bin/glpsol';

/** glpk.js's optimum for the model (straight, so the test does not depend on the analyses). */
function glpkObjective(m: LpModel): number {
  const { result } = glpkNode.solve(toGlpkProblem(m, glpkNode) as never, { msglev: glpkNode.GLP_MSG_OFF });
  expect(result.status).toBe(glpkNode.GLP_OPT);
  return result.z;
}

/** glpsol's optimum for LP text, or its complaint (glpsol exits non-zero on a file it cannot read). */
function glpsolObjective(text: string): number {
  const dir = mkdtempSync(join(tmpdir(), 'lp-export-'));
  try {
    writeFileSync(join(dir, 'model.lp'), text);
    try {
      execFileSync(GLPSOL, ['--lp', join(dir, 'model.lp'), '-o', join(dir, 'out.txt')], { stdio: 'pipe' });
    } catch (error) {
      throw new Error(`glpsol refused the file: ${String((error as { stdout?: Buffer }).stdout ?? error)}`);
    }
    const report = readFileSync(join(dir, 'out.txt'), 'utf8');
    expect(report).toMatch(/^Status: +(INTEGER )?OPTIMAL/m);
    const objective = /^Objective: +\S+ = (\S+)/m.exec(report);
    if (!objective) throw new Error(report);
    return Number(objective[1]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Every kind of bound, integer and binary, a zero-objective variable first, an idle variable. */
function everyBound(): LpModel {
  const terms = (entries: [string, number][]) => Object.assign(Object.create(null) as Record<string, number>, Object.fromEntries(entries));
  return {
    name: 'every bound · 每种',
    objectiveName: 'profit',
    sense: 'max',
    variables: [
      { name: 'n_units', objective: 0, lower: 0, upper: Infinity, integer: true },
      { name: 'lo_only', objective: -1, lower: 5, upper: Infinity, integer: false },
      { name: 'neg_lo', objective: -1, lower: -3, upper: Infinity, integer: false },
      { name: 'up_only', objective: 1, lower: -Infinity, upper: 4, integer: false },
      { name: 'box', objective: 2, lower: 1, upper: 6, integer: true },
      { name: 'fixed', objective: 1, lower: 2.5, upper: 2.5, integer: false },
      { name: 'free_var', objective: -1, lower: -Infinity, upper: Infinity, integer: false },
      { name: 'pick', objective: 3, lower: 0, upper: 1, integer: true },
      { name: 'plain', objective: 1, lower: 0, upper: Infinity, integer: false },
      { name: 'idle', objective: 0, lower: 0, upper: Infinity, integer: false },
    ],
    constraints: [
      { name: 'cap', terms: terms([['lo_only', 1], ['neg_lo', 1], ['plain', 1], ['up_only', 1]]), op: '<=', rhs: 20 },
      { name: 'units', terms: terms([['plain', 1], ['n_units', -2]]), op: '=', rhs: 0 },
      { name: 'floor', terms: terms([['free_var', 1], ['up_only', 1]]), op: '>=', rhs: -7.25 },
    ],
  };
}

/** min x s.t. x >= 1, and idle, which appears in no row and not in the objective. */
const idleModel = (): LpModel => ({
  sense: 'min',
  variables: [{ name: 'x', objective: 1 }, { name: 'idle', objective: 0 }],
  constraints: [{ name: 'c', terms: Object.assign(Object.create(null) as Record<string, number>, { x: 1 }), op: '>=', rhs: 1 }],
});

describe('writeLpFormat: a file glpsol reads, and a lossless round trip', () => {
  it('writes a lower bound alone as "x >= L" (glpsol refuses "<= inf") and an upper bound alone with -inf', () => {
    const text = writeLpFormat(everyBound());
    const bounds = text.slice(text.indexOf('Bounds'), text.indexOf('General')).split('\n').map((l) => l.trim());
    expect(bounds).toEqual(['Bounds', 'lo_only >= 5', 'neg_lo >= -3', '-inf <= up_only <= 4', '1 <= box <= 6', 'fixed = 2.5', 'free_var free', '']);
    expect(text).not.toMatch(/<= \+?inf/);
    // A variable that nothing else names is kept by "x >= 0".
    const idle = idleModel();
    expect(writeLpFormat(idle)).toContain('Bounds\n idle >= 0\n');
    expect(parsedLp(writeLpFormat(idle)).variables.map((v) => [v.name, v.lower, v.upper])).toEqual([['x', 0, Infinity], ['idle', 0, Infinity]]);
  });

  it('writes every variable in the objective when that is needed to keep their order', () => {
    const text = writeLpFormat(everyBound());
    expect(text).toContain(' profit: + 0 n_units - lo_only - neg_lo + up_only + 2 box + fixed - free_var + 3 pick\n   + plain + 0 idle\n');
    // Without a zero-objective variable before the others, zeros are left out.
    expect(writeLpFormat({ sense: 'max', variables: [{ name: 'a', objective: 1 }, { name: 'b', objective: 0 }], constraints: [{ name: 'c', terms: { a: 1, b: 1 }, op: '<=', rhs: 1 }] })).toContain(' obj: + a\n');
  });

  it('reads back the same model: bounds, integers, order of variables, title and objective name', () => {
    const m = everyBound();
    const again = parsedLp(writeLpFormat(m));
    expect({ ...again, constraints: again.constraints.map((c) => ({ ...c, terms: { ...c.terms } })) }).toEqual({
      ...m,
      constraints: m.constraints.map((c) => ({ ...c, terms: { ...c.terms } })),
    });
  });

  it('writes the title as a "\\ Problem name:" line on one line', () => {
    expect(writeLpFormat({ ...everyBound(), name: 'two\nlines' }).split('\n')[0]).toBe('\\ Problem name: two lines');
  });

  it.skipIf(!existsSync(GLPSOL))('is read by glpsol, with the optimum our solver finds', () => {
    const m = everyBound();
    expect(glpsolObjective(writeLpFormat(m))).toBeCloseTo(glpkObjective(m), 9);
    expect(glpsolObjective(writeLpFormat(idleModel()))).toBe(1);
  });

  it.skipIf(!existsSync(GLPSOL))('exports the sample budget plan so that glpsol finds the same optimum, 1,186,000', () => {
    const built = buildBudgetModel(sampleBudgetPlan());
    if (!built.ok) throw new Error(built.error.message);
    const text = writeLpFormat(built.value.model);
    expect(glpsolObjective(text)).toBeCloseTo(1_186_000, 6);
    expect(parsedLp(text)).toMatchObject({ name: built.value.model.name, objectiveName: built.value.model.objectiveName });
  });

  it.skipIf(!existsSync(GLPSOL))('exports a budget plan bought in whole units (a General section) that glpsol solves alike', () => {
    const plan = sampleBudgetPlan();
    plan.channels[4] = { ...plan.channels[4], unitCost: 30_000, minSpend: 30_000 };
    const built = buildBudgetModel(plan);
    if (!built.ok) throw new Error(built.error.message);
    const text = writeLpFormat(built.value.model);
    expect(text).toMatch(/^General$/m);
    expect(glpsolObjective(text)).toBeCloseTo(glpkObjective(built.value.model), 6);
  });
});
