import { describe, expect, it } from 'vitest';
import { advanceXoshiro128ss, createRng, seedXoshiro128ss, shuffleInPlace, type Rng } from '../../../../src/core/shared/rng';

const TWO_32 = 2 ** 32;
const MASK = 0xffffffffn;

// An independent xoshiro128** written with BigInt, line for line after the reference C code
// (https://prng.di.unimi.it/xoshiro128starstar.c), so it shares no Math.imul or >>> tricks
// with the engine: uint32_t arithmetic is "& MASK" after every operation.
function rotlRef(x: bigint, k: bigint): bigint {
  return ((x << k) | (x >> (32n - k))) & MASK;
}
function nextRef(s: bigint[]): bigint {
  const result = (rotlRef((s[1] * 5n) & MASK, 7n) * 9n) & MASK;
  const t = (s[1] << 9n) & MASK;
  s[2] ^= s[0];
  s[3] ^= s[1];
  s[1] ^= s[2];
  s[0] ^= s[3];
  s[2] ^= t;
  s[3] = rotlRef(s[3], 11n);
  return result;
}
// lowbias32 (https://github.com/skeeto/hash-prospector) and splitmix32 seeding, also in BigInt.
function lowbias32Ref(x: bigint): bigint {
  x ^= x >> 16n;
  x = (x * 0x7feb352dn) & MASK;
  x ^= x >> 15n;
  x = (x * 0x846ca68bn) & MASK;
  x ^= x >> 16n;
  return x;
}
function seedRef(seed: number): bigint[] {
  let z = BigInt(seed);
  return [0, 1, 2, 3].map(() => {
    z = (z + 0x9e3779b9n) & MASK;
    return lowbias32Ref(z);
  });
}

function draw(rng: Rng, count: number): number[] {
  return Array.from({ length: count }, () => rng.next());
}

describe('xoshiro128** against the reference', () => {
  it('state [1, 2, 3, 4]: first step worked by hand', () => {
    // result = rotl(s1 * 5, 7) * 9 = rotl(10, 7) * 9 = 1280 * 9 = 11520
    // t = s1 << 9 = 1024
    // s2 ^= s0 → 3^1 = 2;  s3 ^= s1 → 4^2 = 6;  s1 ^= s2 → 2^2 = 0;  s0 ^= s3 → 1^6 = 7
    // s2 ^= t → 2^1024 = 1026;  s3 = rotl(6, 11) = 6 · 2048 = 12288
    const s = Uint32Array.of(1, 2, 3, 4);
    expect(advanceXoshiro128ss(s)).toBe(11520);
    expect(Array.from(s)).toEqual([7, 0, 1026, 12288]);
  });

  it('state [1, 2, 3, 4]: the first six outputs and the state after them', () => {
    // Printed by the reference C code (xoshiro128starstar.c, compiled with gcc) from
    // s = {1, 2, 3, 4}; the BigInt version above gives the same.
    const expected = [11520, 0, 5927040, 70819200, 2031721883, 1637235492];
    const s = Uint32Array.of(1, 2, 3, 4);
    const ref = [1n, 2n, 3n, 4n];
    for (const value of expected) {
      expect(Number(nextRef(ref))).toBe(value);
      expect(advanceXoshiro128ss(s)).toBe(value);
    }
    expect(Array.from(s)).toEqual([1110993931, 286554632, 2431677446, 2165318166]);
    expect(ref.map(Number)).toEqual(Array.from(s));
  });

  it('matches the BigInt version for 1,000 steps from an arbitrary state, state-in, state-out', () => {
    const s = Uint32Array.of(0xdeadbeef, 0x01234567, 0xffffffff, 0x80000000);
    const ref = Array.from(s, BigInt);
    for (let i = 0; i < 1000; i++) {
      expect(advanceXoshiro128ss(s)).toBe(Number(nextRef(ref)));
    }
    expect(Array.from(s)).toEqual(ref.map(Number));
  });

  it('splitmix32 seeding: seed 42 and seed 0', () => {
    // From the same C program: z += 0x9e3779b9 four times, each word lowbias32(z).
    expect(Array.from(seedXoshiro128ss(42))).toEqual([3997597525, 2815009970, 3977819666, 4115832040]);
    // Seed 0: the first word is lowbias32(0x9e3779b9) = 33350994.
    expect(Array.from(seedXoshiro128ss(0))).toEqual([33350994, 83415710, 260840893, 1806016855]);
    for (const seed of [0, 1, 42, 123456789, TWO_32 - 1]) {
      expect(Array.from(seedXoshiro128ss(seed))).toEqual(seedRef(seed).map(Number));
    }
  });

  it('createRng(seed).next() is the reference output / 2^32', () => {
    // Reference outputs from the seed-42 state: 955885115, 1328154995, 946741108, 3308724645.
    expect(draw(createRng(42), 4)).toEqual([955885115, 1328154995, 946741108, 3308724645].map((x) => x / TWO_32));
    const ref = seedRef(7);
    const rng = createRng(7);
    for (let i = 0; i < 100; i++) expect(rng.next()).toBe(Number(nextRef(ref)) / TWO_32);
  });

  it('rejects a state of the wrong size or all zeros', () => {
    expect(() => advanceXoshiro128ss(new Uint32Array(3))).toThrow(RangeError);
    expect(() => advanceXoshiro128ss(new Uint32Array(4))).toThrow(RangeError);
  });
});

describe('createRng', () => {
  it('the same seed gives the same sequence', () => {
    expect(draw(createRng(2024), 50)).toEqual(draw(createRng(2024), 50));
  });

  it('different seeds, even neighbouring ones, give different sequences', () => {
    const sequences = [0, 1, 2, 3, 1000].map((seed) => draw(createRng(seed), 20).join());
    expect(new Set(sequences).size).toBe(5);
  });

  it('rejects seeds that are not whole numbers in 0..2^32-1', () => {
    for (const seed of [-1, 1.5, TWO_32, NaN, Infinity]) expect(() => createRng(seed)).toThrow(RangeError);
    expect(() => createRng(TWO_32 - 1)).not.toThrow();
  });
});

describe('next()', () => {
  it('stays in [0, 1) and averages 1/2', () => {
    const values = draw(createRng(9), 100_000);
    expect(values.every((v) => v >= 0 && v < 1)).toBe(true);
    // The mean of 100,000 uniforms has standard deviation sqrt(1/12 / 100000) ≈ 0.00091;
    // 0.005 is about 5.5 of them.
    const mean = values.reduce((a, b) => a + b, 0) / values.length;
    expect(Math.abs(mean - 0.5)).toBeLessThan(0.005);
  });
});

describe('int(n)', () => {
  it('100,000 draws of int(10) pass a chi-square test of uniformity', () => {
    const counts = new Array<number>(10).fill(0);
    const rng = createRng(12345);
    for (let i = 0; i < 100_000; i++) counts[rng.int(10)]++;
    // Expected 10,000 per value. With 10 cells the statistic follows chi-square with 9
    // degrees of freedom (mean 9, sd √18 ≈ 4.2) for a uniform source. Its 0.999 quantile is
    // 27.88 and its 0.001 quantile 1.152: outside that band a correct generator lands one time
    // in 500, while a biased one (e.g. modulo bias of a few per cent) or a suspiciously even one
    // (a counter) lands far outside. The seed is fixed, so the test is deterministic.
    const chiSquare = counts.reduce((sum, c) => sum + (c - 10_000) ** 2 / 10_000, 0);
    expect(chiSquare).toBeLessThan(27.88);
    expect(chiSquare).toBeGreaterThan(1.152);
    expect(counts.reduce((a, b) => a + b, 0)).toBe(100_000);
  });

  it('has no modulo bias for n = 3·2^30', () => {
    // 2^32 mod 3·2^30 = 2^30, so a plain "x % n" would give 0..2^30−1 twice as often as the
    // rest: P(x < 2^30) = 1/2 instead of 1/3. Over 30,000 draws the share's sd is
    // sqrt(1/3 · 2/3 / 30000) ≈ 0.0027; tolerance 0.02 (≈ 7 sd) still tells 1/3 from 1/2.
    const n = 3 * 2 ** 30;
    const rng = createRng(5);
    let low = 0;
    for (let i = 0; i < 30_000; i++) {
      const x = rng.int(n);
      expect(x >= 0 && x < n && Number.isInteger(x)).toBe(true);
      if (x < 2 ** 30) low++;
    }
    expect(Math.abs(low / 30_000 - 1 / 3)).toBeLessThan(0.02);
  });

  it('int(1) is always 0; int(2^32) is the raw output', () => {
    const rng = createRng(3);
    expect(Array.from({ length: 20 }, () => rng.int(1))).toEqual(new Array(20).fill(0));
    // int(2^32) never rejects: it returns the 32-bit output itself.
    expect(createRng(42).int(TWO_32)).toBe(955885115);
  });

  it('rejects n that is not a whole number in 1..2^32', () => {
    const rng = createRng(1);
    for (const n of [0, -3, 2.5, NaN, TWO_32 + 1, Infinity]) expect(() => rng.int(n)).toThrow(RangeError);
  });
});

describe('fork(stream)', () => {
  it('is reproducible and ignores how much the parent has drawn', () => {
    const a = createRng(77);
    const b = createRng(77);
    draw(b, 1000);
    expect(draw(a.fork(3), 30)).toEqual(draw(b.fork(3), 30));
  });

  it('gives the same generators in any order (one per tree, in any worker)', () => {
    const parent = createRng(8);
    const forward = [0, 1, 2, 3].map((k) => draw(parent.fork(k), 10));
    const backward = [3, 2, 1, 0].map((k) => draw(createRng(8).fork(k), 10)).reverse();
    expect(backward).toEqual(forward);
  });

  it('differs per stream, from the parent, across seeds, and between createRng(a).fork(b) and createRng(b).fork(a)', () => {
    const parent = createRng(8);
    const sequences = [
      draw(createRng(8), 10),
      ...Array.from({ length: 100 }, (_, k) => draw(parent.fork(k), 10)),
      draw(createRng(9).fork(0), 10),
      draw(createRng(3).fork(5), 10),
      draw(createRng(5).fork(3), 10),
    ].map((s) => s.join());
    expect(new Set(sequences).size).toBe(sequences.length);
  });

  it('forks of forks are reproducible and distinct', () => {
    const one = draw(createRng(1).fork(2).fork(3), 10);
    expect(draw(createRng(1).fork(2).fork(3), 10)).toEqual(one);
    expect(draw(createRng(1).fork(3).fork(2), 10)).not.toEqual(one);
    expect(draw(createRng(1).fork(2), 10)).not.toEqual(one);
  });

  it('forked streams are not correlated with each other', () => {
    // Correlation of 10,000 paired draws from streams 0 and 1: for independent uniforms its
    // sd is 1/√10000 = 0.01; 0.05 is 5 sd.
    const x = draw(createRng(4).fork(0), 10_000);
    const y = draw(createRng(4).fork(1), 10_000);
    const mean = (v: number[]) => v.reduce((a, b) => a + b, 0) / v.length;
    const mx = mean(x);
    const my = mean(y);
    let sxy = 0;
    let sxx = 0;
    let syy = 0;
    for (let i = 0; i < x.length; i++) {
      sxy += (x[i] - mx) * (y[i] - my);
      sxx += (x[i] - mx) ** 2;
      syy += (y[i] - my) ** 2;
    }
    expect(Math.abs(sxy / Math.sqrt(sxx * syy))).toBeLessThan(0.05);
  });

  it('rejects a stream that is not a whole number in 0..2^32-1', () => {
    for (const k of [-1, 0.5, TWO_32, NaN]) expect(() => createRng(1).fork(k)).toThrow(RangeError);
  });
});

describe('shuffleInPlace', () => {
  it('is Fisher–Yates: swaps position i with int(i + 1), from the end down', () => {
    const expected = [10, 11, 12, 13, 14];
    const rng = createRng(99);
    for (let i = expected.length - 1; i > 0; i--) {
      const j = rng.int(i + 1);
      [expected[i], expected[j]] = [expected[j], expected[i]];
    }
    const array = Int32Array.of(10, 11, 12, 13, 14);
    expect(shuffleInPlace(array, createRng(99))).toBe(array);
    expect(Array.from(array)).toEqual(expected);
  });

  it('keeps the elements, works on plain arrays and is deterministic', () => {
    const a = shuffleInPlace(['a', 'b', 'c', 'd', 'e', 'f'], createRng(6));
    expect([...a].sort()).toEqual(['a', 'b', 'c', 'd', 'e', 'f']);
    expect(shuffleInPlace(['a', 'b', 'c', 'd', 'e', 'f'], createRng(6))).toEqual(a);
  });

  it('draws nothing for arrays of length 0 and 1', () => {
    const rng = createRng(11);
    shuffleInPlace([], rng);
    shuffleInPlace([1], rng);
    expect(rng.next()).toBe(createRng(11).next());
  });

  it('makes all 6 orders of 3 elements equally likely', () => {
    const rng = createRng(2);
    const counts = new Map<string, number>();
    for (let i = 0; i < 60_000; i++) {
      const key = shuffleInPlace([0, 1, 2], rng).join('');
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    expect(counts.size).toBe(6);
    // Expected 10,000 each; chi-square with 5 degrees of freedom, 0.999 quantile 20.52.
    const chiSquare = [...counts.values()].reduce((sum, c) => sum + (c - 10_000) ** 2 / 10_000, 0);
    expect(chiSquare).toBeLessThan(20.52);
  });
});
