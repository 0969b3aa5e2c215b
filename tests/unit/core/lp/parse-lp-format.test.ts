import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseLpFormat } from '../../../../src/core/lp/parse-lp-format';
import type { LpModel } from '../../../../src/core/lp/lp-model';
import { parsedLp } from '../../../helpers/lp';

const sharedLp = (name: string) => readFileSync(resolve(process.cwd(), '../shared/lp', name), 'utf8');

const parsed = parsedLp;

const coefficients = (m: LpModel, row: string) => ({ ...m.constraints.find((c) => c.name === row)!.terms });

describe('parseLpFormat', () => {
  it('reads the worked example of the strategy text', () => {
    const m = parsed(`\\ direct sales (x1) and distributors (x2)
Maximize
 Z: 0.1 x1 + 0.2 x2
Subject To
 money: 0.05 x1 + 0.1 x2 <= 5000
 people: 0.2 x1 + 0.05 x2 <= 10000
End
`);
    expect(m.sense).toBe('max');
    expect(m.objectiveName).toBe('Z');
    expect(m.variables.map((v) => [v.name, v.objective, v.lower, v.upper, v.integer])).toEqual([
      ['x1', 0.1, 0, Infinity, false],
      ['x2', 0.2, 0, Infinity, false],
    ]);
    expect(m.constraints.map((c) => [c.name, c.op, c.rhs])).toEqual([
      ['money', '<=', 5000],
      ['people', '<=', 10000],
    ]);
    expect(coefficients(m, 'people')).toEqual({ x1: 0.2, x2: 0.05 });
  });

  it('reads bounds, free variables, integers, binaries, signs and constraints over several lines', () => {
    const m = parsed(`Minimize
 cost: 3 x + 2 y - z + 4
Subject To
 a: x + y
    >= 2
 b: - x + 2 y - 3 z = -1.5
 x - z <= 8
Bounds
 x <= 10
 -5 <= y <= 5
 z free
 3 >= w
General
 x
Binary
 b1
End`);
    const v = Object.fromEntries(m.variables.map((x) => [x.name, x]));
    expect(m.sense).toBe('min');
    expect([v.x.objective, v.y.objective, v.z.objective]).toEqual([3, 2, -1]);
    expect([v.x.lower, v.x.upper, v.x.integer]).toEqual([0, 10, true]);
    expect([v.y.lower, v.y.upper]).toEqual([-5, 5]);
    expect([v.z.lower, v.z.upper]).toEqual([-Infinity, Infinity]);
    expect([v.w.lower, v.w.upper]).toEqual([0, 3]);
    expect([v.b1.lower, v.b1.upper, v.b1.integer]).toEqual([0, 1, true]);
    expect(m.constraints.map((c) => [c.name, c.op, c.rhs])).toEqual([
      ['a', '>=', 2],
      ['b', '=', -1.5],
      ['c3', '<=', 8],
    ]);
    expect(coefficients(m, 'b')).toEqual({ x: -1, y: 2, z: -3 });
  });

  it.each([
    ['budget_n100.lp', 100, 46],
    ['budget_n1000.lp', 1000, null],
  ])('reads %s: %i variables', (file, variables, rows) => {
    const m = parsed(sharedLp(file));
    expect(m.sense).toBe('max');
    expect(m.variables).toHaveLength(variables as number);
    if (rows !== null) expect(m.constraints).toHaveLength(rows);
    expect(m.variables[0].name).toBe('x1');
  });

  it('reads the coefficients of budget_n100.lp as written', () => {
    const m = parsed(sharedLp('budget_n100.lp'));
    expect(m.variables[0]).toMatchObject({ name: 'x1', objective: 2.131 });
    expect(m.constraints.find((c) => c.name === 'd_19')).toMatchObject({ op: '<=', rhs: 509647 });
    expect(coefficients(m, 'd_19')).toEqual({ x9: 4, x17: 1, x26: 1, x27: 8, x31: 2, x37: 8, x53: 3, x62: 9, x74: 9, x89: 2 });
  });

  it('reads the largest shared model (5,000 variables)', () => {
    const m = parsed(sharedLp('budget_n5000.lp'));
    expect(m.variables).toHaveLength(5000);
    expect(m.constraints.length).toBeGreaterThan(0);
  });

  it.each([
    ['text before the objective', 'x + y\nMaximize\n obj: x\nEnd', 1, 'comes before the objective'],
    ['no objective', 'Subject To\n c: x <= 1\nEnd', 1, 'comes before the objective'],
    ['a missing sign', 'Maximize\n obj: x y\nEnd', 2, 'a + or - is missing'],
    ['a bad bound', 'Maximize\n obj: x\nSubject To\n c: x <= 1\nBounds\n x <=\nEnd', 6, 'cannot read the bound'],
    ['a constraint without a right-hand side', 'Maximize\n obj: x\nSubject To\n c: x + y\nEnd', 4, 'without a sense'],
  ])('names the line of %s', (_, text, line, words) => {
    const result = parseLpFormat(text);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error).toMatchObject({ code: 'LP_PARSE', params: { line } });
      expect(result.error.message).toContain(words);
    }
  });

  const rows = (lines: string) => `Maximize\n obj: x + y\nSubject To\n${lines}\nEnd\n`;

  it.each([
    // Each of these was read as a different model, without a word.
    ['a variable on the right-hand side (it swallowed the next row)', rows(' c: x + y <= 2 z\n d: z <= 3'), 4, 'right-hand side must be a number'],
    ['two senses in a row (the first was dropped)', rows(' c: x + y <= 3 <= 4'), 4, 'two senses'],
    ['a constant on the left-hand side (it was dropped)', rows(' c: x + y + 3 <= 5'), 4, 'constant 3 on the left-hand side'],
    ['a constant amid the terms', rows(' c: x + 3 + y <= 5'), 4, 'constant 3 on the left-hand side'],
    ['a ranged row, which some readers take but this model cannot hold', rows(' c: -1 <= x + y <= 4'), 4, 'ranged constraint'],
    ['a sum on the right-hand side', rows(' c: x <= 2 + 3'), 4, 'right-hand side must be one number'],
    ['an unfinished row before a named one', rows(' c: x + y\n d: y <= 3'), 4, 'before the next constraint starts on line 5'],
    ['an unfinished row at the end', rows(' c: x + y\n    + 2 z'), 4, 'without a sense'],
    ['an unfinished row before Bounds', rows(' c: x + y <=\nBounds\n x <= 1'), 4, 'without a sense'],
    ['a keyword as a variable', rows(' c: x + free <= 4'), 4, '"free" is a word of the LP format'],
    ['a keyword as a row name', rows(' st: x <= 4'), 4, '"st" is a word of the LP format'],
    ['infinity as a coefficient', rows(' c: inf x <= 4'), 4, '"inf" is a word of the LP format'],
    ['a keyword as an objective name', 'Maximize\n max: x\nSubject To\n c: x <= 1\nEnd', 2, '"max" is a word of the LP format'],
    ['a keyword in Bounds', rows(' c: x <= 4\nBounds\n bin <= 3'), 6, '"bin" is a word of the LP format'],
    ['a keyword in Generals', rows(' c: x <= 4\nGenerals\n x inf'), 6, '"inf" is a word of the LP format'],
  ])('refuses %s, naming the line', (_, text, line, words) => {
    const result = parseLpFormat(text);
    expect(result.ok ? result.value : null).toBeNull();
    if (!result.ok) {
      expect(result.error).toMatchObject({ code: 'LP_PARSE', params: { line } });
      expect(result.error.message).toContain(words);
    }
  });

  it('starts a new row at every "name:" line and reads a row over several lines', () => {
    const m = parsed(rows(' c: x\n   + y\n   <= 2\n d: x\n   - y >= -1\n e: 2 x +\n   y >=\n   -3\n x - y <= 7'));
    expect(m.constraints.map((c) => [c.name, { ...c.terms }, c.op, c.rhs])).toEqual([
      ['c', { x: 1, y: 1 }, '<=', 2],
      ['d', { x: 1, y: -1 }, '>=', -1],
      ['e', { x: 2, y: 1 }, '>=', -3],
      ['c4', { x: 1, y: -1 }, '<=', 7],
    ]);
  });

  it('reads every sense and a signed right-hand side', () => {
    const m = parsed(rows(' a: x < 1\n b: x =< 2\n c: x > -3\n d: x => + 4\n e: x = - 5e-1\n f: x >= 1e+21'));
    expect(m.constraints.map((c) => [c.op, c.rhs])).toEqual([
      ['<=', 1],
      ['<=', 2],
      ['>=', -3],
      ['>=', 4],
      ['=', -0.5],
      ['>=', 1e21],
    ]);
  });

  it('reads the title from a leading "\\ Problem name:" comment line (as writeLpFormat and CPLEX write it), and only from there', () => {
    const text = '\\ Problem name: Plan 2025 · 预算\nMaximize\n revenue: x\nSubject To\n c: x <= 1\nEnd\n';
    expect(parsed(text)).toMatchObject({ name: 'Plan 2025 · 预算', objectiveName: 'revenue' });
    // Another first comment is a comment: the name stays the one given (default "model").
    expect(parsed('\\ budget, generated\nMaximize\n obj: x\nSubject To\n c: x <= 1\nEnd\n').name).toBe('model');
    expect(parseLpFormat('\\ budget\nMaximize\n obj: x\nSubject To\n c: x <= 1\nEnd\n', 'mine.lp')).toMatchObject({ value: { name: 'mine.lp' } });
    // Not on the first line: a comment.
    expect(parsed('Maximize\n\\ Problem name: late\n obj: x\nSubject To\n c: x <= 1\nEnd\n').name).toBe('model');
  });

  it('keeps the shared models exactly as they read before (names, rows, bounds)', () => {
    const m = parsed(sharedLp('budget_n100.lp'));
    expect(m.name).toBe('model');
    expect(m.objectiveName).toBe('obj');
    expect(m.constraints.map((c) => c.name).slice(0, 3)).toEqual(['budget', 'cap_0', 'cap_1']);
    expect(m.variables.every((v) => v.lower === 0 && v.upper === Infinity && v.integer === false)).toBe(true);
  });
});
