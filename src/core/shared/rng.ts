/**
 * Seeded random numbers for the engine. Models that sample (bootstrap rows, random
 * features, shuffled splits) take an `Rng` so that one seed gives one result, in Node, in a
 * worker or in the page, and a run can be repeated from its seed.
 *
 * Algorithm: xoshiro128** 1.1 by David Blackman and Sebastiano Vigna, reference
 * description and C code at https://prng.di.unimi.it/ (file `xoshiro128starstar.c`):
 * 128 bits of state, period 2^128 − 1, 32-bit outputs. Its four state words are filled by
 * splitmix32: a Weyl sequence with the golden-ratio increment 0x9e3779b9 (as in Java's
 * SplittableRandom) whose values go through Chris Wellons' `lowbias32` integer hash
 * (https://github.com/skeeto/hash-prospector). Vigna recommends seeding xoshiro through a
 * splitmix generator so that close seeds (1, 2, 3…) give unrelated states.
 *
 * Forks: every generator keeps its starting state K; `fork(k)` starts a new xoshiro128** at
 * word j = lowbias32(K[j] XOR lowbias32(k + (j+1)·0x6a09e667 mod 2^32)), j = 0..3.
 */

/** A seeded generator of uniform random numbers; see {@link createRng}. */
export interface Rng {
  /** A uniform number in [0, 1), in steps of 2^-32. */
  next(): number;
  /** A uniform whole number in 0..n−1 (n a whole number in 1..2^32), without modulo bias. */
  int(n: number): number;
  /**
   * An independent generator for sub-task `stream` (a whole number in 0..2^32−1). It
   * depends only on this generator's seed (and fork path) and on `stream`, never on how
   * many numbers were drawn before, so sub-tasks can run in any order or in other workers.
   */
  fork(stream: number): Rng;
}

const TWO_32 = 4294967296;
// splitmix's increment: 2^32 / φ, the golden ratio, rounded to odd.
const SEED_GAMMA = 0x9e3779b9;
// A second odd increment (the fraction bits of √2, SHA-256's first word) for fork keys, so a
// fork's Weyl sequence never lines up with the seeding one (createRng(a).fork(b) ≠ createRng(b).fork(a)).
const FORK_GAMMA = 0x6a09e667;

/** lowbias32 by Chris Wellons: a bijective 32-bit hash with strong avalanche. */
function mix32(x: number): number {
  x ^= x >>> 16;
  x = Math.imul(x, 0x7feb352d);
  x ^= x >>> 15;
  x = Math.imul(x, 0x846ca68b);
  x ^= x >>> 16;
  return x >>> 0;
}

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}

/** One xoshiro128** step without argument checks (the hot path of every draw). */
function step(s: Uint32Array): number {
  const s1 = s[1];
  const result = Math.imul(rotl(Math.imul(s1, 5), 7), 9) >>> 0;
  const t = s1 << 9;
  s[2] ^= s[0];
  s[3] ^= s[1];
  s[1] ^= s[2];
  s[0] ^= s[3];
  s[2] ^= t;
  s[3] = rotl(s[3], 11);
  return result;
}

function checkUint32(value: number, name: string): void {
  if (!Number.isInteger(value) || value < 0 || value >= TWO_32) {
    throw new RangeError(`${name} must be a whole number in 0..2^32-1, got ${value}`);
  }
}

/**
 * Advances a xoshiro128** state by one step, exactly as the reference C code `next()`.
 * @param state four 32-bit words, changed in place; must not be all zero
 * @returns the 32-bit output (0..2^32−1) of this step
 * @example
 * const s = Uint32Array.of(1, 2, 3, 4);
 * advanceXoshiro128ss(s); // 11520, and s is now [7, 0, 1026, 12288]
 */
export function advanceXoshiro128ss(state: Uint32Array): number {
  if (state.length !== 4) throw new RangeError(`xoshiro128** needs 4 state words, got ${state.length}`);
  if ((state[0] | state[1] | state[2] | state[3]) === 0) throw new RangeError('xoshiro128** state must not be all zero');
  return step(state);
}

/**
 * The xoshiro128** starting state for a seed: four consecutive splitmix32 outputs,
 * word j = lowbias32(seed + (j+1)·0x9e3779b9 mod 2^32).
 * @param seed a whole number in 0..2^32−1
 * @returns a new 4-word state, never all zero (lowbias32 is a bijection, so the four words are distinct)
 * @example seedXoshiro128ss(0)[0]; // 33350994 = lowbias32(0x9e3779b9)
 */
export function seedXoshiro128ss(seed: number): Uint32Array {
  checkUint32(seed, 'seed');
  const state = new Uint32Array(4);
  for (let j = 0; j < 4; j++) state[j] = mix32((seed + Math.imul(j + 1, SEED_GAMMA)) | 0);
  return state;
}

/** A generator whose stream starts at `key` (kept unchanged, so forks can derive from it). */
function createRngFromKey(key: Uint32Array): Rng {
  const state = key.slice();
  return {
    next: () => step(state) / TWO_32,
    int(n: number): number {
      if (!Number.isInteger(n) || n < 1 || n > TWO_32) throw new RangeError(`int(n) needs a whole number n in 1..2^32, got ${n}`);
      // Rejection sampling: outputs at or above the largest multiple of n below 2^32 would
      // make small residues more likely, so they are drawn again (at most half the time).
      const limit = TWO_32 - (TWO_32 % n);
      let x = step(state);
      while (x >= limit) x = step(state);
      return x % n;
    },
    fork(stream: number): Rng {
      checkUint32(stream, 'stream');
      const child = new Uint32Array(4);
      // Each word mixes the parent's starting word with a splitmix-style word of the stream:
      // distinct streams give distinct words (mix32 is a bijection), and the parent's
      // current position plays no part.
      for (let j = 0; j < 4; j++) child[j] = mix32(key[j] ^ mix32((stream + Math.imul(j + 1, FORK_GAMMA)) | 0));
      // xoshiro must not start from all zeros; the chance is 2^-128, but never loop forever.
      if ((child[0] | child[1] | child[2] | child[3]) === 0) child[0] = 1;
      return createRngFromKey(child);
    },
  };
}

/**
 * Creates a seeded xoshiro128** generator (state filled by splitmix32, see the module notes).
 * The same seed always gives the same numbers, on every JavaScript engine.
 * @param seed a whole number in 0..2^32−1 (RangeError otherwise)
 * @returns a generator with `next()`, `int(n)` and `fork(stream)`
 * @example
 * const rng = createRng(42);
 * rng.next();          // 0.22255934… (955885115 / 2^32)
 * rng.int(6);          // a die roll 0..5
 * const tree7 = rng.fork(7); // same model whichever order the trees are built in
 */
export function createRng(seed: number): Rng {
  return createRngFromKey(seedXoshiro128ss(seed));
}

/**
 * Shuffles an array in place with the Fisher–Yates (Durstenfeld) algorithm: every order is
 * equally likely. Draws length−1 numbers, from `rng.int(length)` down to `rng.int(2)`.
 * @param array any indexable array (plain or typed); changed in place
 * @param rng the generator to draw from
 * @returns the same array, shuffled
 * @example shuffleInPlace(Int32Array.of(0, 1, 2, 3), createRng(1));
 */
export function shuffleInPlace<A extends { length: number; [index: number]: unknown }>(array: A, rng: Rng): A {
  for (let i = array.length - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    const held = array[i];
    array[i] = array[j];
    array[j] = held;
  }
  return array;
}
