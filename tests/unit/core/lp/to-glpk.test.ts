import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { toGlpkProblem } from '../../../../src/core/lp/to-glpk';
import { glpkNode as glpk, parsedLp } from '../../../helpers/lp';

const solve = (text: string) => glpk.solve(toGlpkProblem(parsedLp(text), glpk), { msglev: glpk.GLP_MSG_OFF });

describe('toGlpkProblem with glpk.js', () => {
  it('solves the worked example: Z = 10,000, as derived by hand', () => {
    // 0.1 x1 + 0.2 x2 = 2 (0.05 x1 + 0.1 x2) ≤ 2 · 5000: every point of the money
    // constraint's edge between (0, 50000) and (42857.14, 28571.43) is optimal.
    const result = solve('Maximize\n Z: 0.1 x1 + 0.2 x2\nSubject To\n money: 0.05 x1 + 0.1 x2 <= 5000\n people: 0.2 x1 + 0.05 x2 <= 10000\nEnd\n');
    expect(result.result.status).toBe(glpk.GLP_OPT);
    expect(result.result.z).toBeCloseTo(10000, 6);
    const { x1, x2 } = result.result.vars;
    expect(0.05 * x1 + 0.1 * x2).toBeCloseTo(5000, 6);
  });

  it('writes bounds, free variables and integers as GLPK reads them', () => {
    // min x + y with x in [2, 5], y free but y ≥ -3 through a row, z integer in [0, 10]:
    // optimum x = 2, y = -3, and z = 0 (its cost is positive).
    const result = solve('Minimize\n obj: x + y + z\nSubject To\n r: y >= -3\nBounds\n 2 <= x <= 5\n y free\n z <= 10\nGeneral\n z\nEnd\n');
    expect(result.result.status).toBe(glpk.GLP_OPT);
    expect(result.result.vars).toEqual({ x: 2, y: -3, z: 0 });
  });

  it('gives every variable a column, so a model without rows and with a zero objective solves', () => {
    // glpk.js makes columns only from names it meets; with none, GLPK aborts (glp_add_cols: ncs = 0).
    const empty = glpk.solve(toGlpkProblem({ sense: 'max', variables: [{ name: 'x', objective: 0 }], constraints: [] }, glpk), { msglev: glpk.GLP_MSG_OFF });
    expect(empty.result.status).toBe(glpk.GLP_OPT);
    expect(empty.result.vars).toEqual({ x: 0 });
    // y is in no row and has no cost: still a column, at its lower bound 0.
    const unused = solve('Maximize\n obj: x + 0 y\nSubject To\n c: x <= 4\nEnd\n');
    expect(unused.result.vars).toEqual({ x: 4, y: 0 });
  });

  it('rounds the bounds of an integer variable inwards to whole numbers', () => {
    // glp_intopt refuses x ≥ 0.5 for an integer x; for a whole x it is x ≥ 1 (and x ≤ 3.5 is x ≤ 3).
    const model = parsedLp('Maximize\n obj: x\nSubject To\n c: x + y >= 1\nBounds\n 0.5 <= x <= 3.5\nGeneral\n x\nEnd\n');
    const problem = toGlpkProblem(model, glpk);
    expect(problem.bounds.find((b) => b.name === 'x')).toEqual({ name: 'x', type: glpk.GLP_DB, lb: 1, ub: 3 });
    const result = glpk.solve(problem, { msglev: glpk.GLP_MSG_OFF });
    expect(result.result.status).toBe(glpk.GLP_OPT);
    expect(result.result.vars.x).toBe(3);
  });

  it.each([
    ['budget_n100.lp', 2652649.607331],
    ['budget_n1000.lp', 2698768.128963],
  ])('solves %s to the reference optimum (1e-6 relative)', (file, reference) => {
    const result = solve(readFileSync(resolve(process.cwd(), '../shared/lp', file), 'utf8'));
    expect(result.result.status).toBe(glpk.GLP_OPT);
    expect(Math.abs(result.result.z - reference) / reference).toBeLessThan(1e-6);
  });
});
