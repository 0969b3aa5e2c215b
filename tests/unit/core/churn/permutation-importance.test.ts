import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parsed } from '../../../helpers/datasets';
import { prepareChurn } from '../../../../src/core/churn/train-churn-model';
import { growTrees, assembleForest, predictProbabilities, type ForestModel } from '../../../../src/core/churn/forest';
import { permutationDrops } from '../../../../src/core/churn/permutation-importance';
import { createRng, type Rng } from '../../../../src/core/shared/rng';

/** The plain way: shuffle a feature, score every row with every tree, compare accuracy. */
function naiveDrops(model: ForestModel, bins: Uint8Array[], actual: Int32Array, rng: Rng, repeats: number): Float64Array {
  const n = actual.length;
  const k = model.classCount;
  const accuracy = (b: Uint8Array[]) => {
    const p = predictProbabilities(model, b, n);
    let correct = 0;
    for (let row = 0; row < n; row++) {
      let best = 0;
      for (let c = 1; c < k; c++) if (p[row * k + c] > p[row * k + best]) best = c;
      if (best === actual[row]) correct++;
    }
    return correct / n;
  };
  const base = accuracy(bins);
  return Float64Array.from(bins, (original, f) => {
    let drop = 0;
    for (let r = 0; r < repeats; r++) {
      const shuffled = original.slice();
      for (let i = n - 1; i > 0; i--) {
        const j = rng.int(i + 1);
        [shuffled[i], shuffled[j]] = [shuffled[j], shuffled[i]];
      }
      const trial = bins.slice();
      trial[f] = shuffled;
      drop += base - accuracy(trial);
    }
    return drop / repeats;
  });
}

describe('permutationDrops', () => {
  it('gives the numbers of re-scoring every row with every tree, walking only the paths that change', () => {
    const telco = parsed(new Uint8Array(readFileSync(resolve(process.cwd(), '../shared/data/telco-churn.csv'))));
    const p = prepareChurn(telco, { target: 'Churn', positive: 'Yes', trees: 15, seed: 6 });
    if (!p.ok) throw new Error(p.error.message);
    const { data, trainRows, testRows, options } = p.value;
    const model = assembleForest([growTrees(data, trainRows, options)!], 2, options);
    const bins = data.bins.map((column) => Uint8Array.from(testRows, (row) => column[row]));
    const actual = Int32Array.from(testRows, (row) => data.labels[row]);
    const fast = permutationDrops(model, bins, actual, createRng(1), 2);
    const slow = naiveDrops(model, bins, actual, createRng(1), 2);
    for (let f = 0; f < bins.length; f++) expect(fast[f]).toBeCloseTo(slow[f], 12);
    // Contract type and tenure matter on Telco; shuffling them costs accuracy.
    expect(Math.max(...fast)).toBeGreaterThan(0.005);
  });
});
