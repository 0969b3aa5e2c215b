import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { writeLpFormat } from '../../../../src/core/lp/write-lp-format';
import type { LpModel } from '../../../../src/core/lp/lp-model';
import { parsedLp } from '../../../helpers/lp';

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
