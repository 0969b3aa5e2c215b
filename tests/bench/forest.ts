/**
 * Random forest benchmark (Node, real data):
 *   1. 100 trees on the Telco training split (stratified 80/20, seed 42), median of 5 fits,
 *      next to scikit-learn's single-threaded RandomForestClassifier on the same features
 *      when Debian's python3-sklearn is installed (timed in the same run);
 *   2. 100 trees on 100,000 rows (Telco rows resampled with jitter), with peak memory;
 *   3. scoring 1,000,000 rows with the 100-tree model.
 * Usage: npm run bench:forest
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseCsv } from '../../src/core';
import { buildFeatures } from '../../src/core/churn/features';
import { growTrees, assembleForest, predictProbabilities } from '../../src/core/churn/forest';
import { prepareChurn, evaluateChurn, type PreparedChurn } from '../../src/core/churn/train-churn-model';
import { createRng } from '../../src/core/shared/rng';

const RUNS = 5;
const telcoText = readFileSync(resolve(process.cwd(), '../shared/data/telco-churn.csv'), 'utf8');

function prepare(text: string): PreparedChurn {
  const dataset = parseCsv(text);
  if (!dataset.ok) throw new Error(dataset.error.message);
  const prepared = prepareChurn(dataset.value, { target: 'Churn', positive: 'Yes', trees: 100, seed: 42 });
  if (!prepared.ok) throw new Error(prepared.error.message);
  return prepared.value;
}

function timeFit(p: PreparedChurn): { ms: number; accuracy: number; auc: number } {
  const times: number[] = [];
  let last = null as ReturnType<typeof growTrees>;
  for (let run = 0; run < RUNS; run++) {
    const started = performance.now();
    last = growTrees(p.data, p.trainRows, p.options);
    times.push(performance.now() - started);
  }
  const report = evaluateChurn(p, [last!], false);
  return { ms: median(times), accuracy: report.accuracy, auc: report.auc };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

// 1. Telco, ours and scikit-learn's.
const telco = prepare(telcoText);
const ours = timeFit(telco);
console.log(`Telco training split: ${telco.trainRows.length} rows × ${telco.plan.names.length} features, 100 trees, median of ${RUNS}`);
console.log(`  this engine:  ${(ours.ms / 1000).toFixed(3)} s  (held-out accuracy ${ours.accuracy.toFixed(4)}, AUC ${ours.auc.toFixed(4)})`);
const sklearn = timeScikitLearn(telco);
if (sklearn) {
  console.log(`  scikit-learn: ${sklearn.seconds.toFixed(3)} s  (${sklearn.version}, n_jobs=1; held-out accuracy ${sklearn.accuracy.toFixed(4)}, AUC ${sklearn.auc.toFixed(4)})`);
  console.log(`  ratio: this engine takes ${(ours.ms / 1000 / sklearn.seconds).toFixed(2)} × scikit-learn's time`);
} else {
  console.log('  scikit-learn: not installed here (Debian: apt-get install python3-sklearn); no ratio printed');
}

// 2. 100,000 rows: Telco rows drawn with replacement, numbers jittered.
const big = prepare(resampledTelco(100_000));
const started = performance.now();
const grown = growTrees(big.data, big.trainRows, big.options)!;
const bigMs = performance.now() - started;
console.log(`100,000 rows (${big.trainRows.length} training), 100 trees: ${(bigMs / 1000).toFixed(2)} s; peak memory of this process so far ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);

// 3. Scoring a million rows with the Telco model.
const model = assembleForest([growTrees(telco.data, telco.trainRows, telco.options)!], 2, telco.options);
const million = 1_000_000;
const tiled = telco.data.bins.map((column) => {
  const out = new Uint8Array(million);
  for (let i = 0; i < million; i++) out[i] = column[i % column.length];
  return out;
});
const scoreStart = performance.now();
predictProbabilities(model, tiled, million);
console.log(`scoring 1,000,000 rows with 100 trees: ${((performance.now() - scoreStart) / 1000).toFixed(2)} s`);
void grown;

function resampledTelco(rows: number): string {
  const lines = telcoText.replace(/\r\n/g, '\n').trimEnd().split('\n');
  const header = lines[0];
  const body = lines.slice(1).map((line) => line.split(','));
  const names = header.split(',');
  const tenure = names.indexOf('tenure');
  const monthly = names.indexOf('MonthlyCharges');
  const total = names.indexOf('TotalCharges');
  const rng = createRng(2024);
  const out = [header];
  for (let i = 0; i < rows; i++) {
    const cells = body[rng.int(body.length)].slice();
    const t = Math.max(0, Number(cells[tenure]) + rng.int(5) - 2);
    const m = Number(cells[monthly]) * (0.97 + 0.06 * rng.next());
    cells[tenure] = String(t);
    cells[monthly] = m.toFixed(2);
    cells[total] = (t * m).toFixed(2);
    out.push(cells.join(','));
  }
  return out.join('\n') + '\n';
}

/** Fits scikit-learn's forest on exactly our features and split, when it is installed. */
function timeScikitLearn(p: PreparedChurn): { seconds: number; accuracy: number; auc: number; version: string } | null {
  const python = '/usr/bin/python3';
  try {
    execFileSync(python, ['-c', 'import sklearn'], { stdio: 'ignore' });
  } catch {
    return null;
  }
  const dir = join(tmpdir(), 'b2b-strategy-lab-bench');
  if (!existsSync(dir)) mkdirSync(dir, { recursive: true });
  const dataset = parseCsv(telcoText);
  if (!dataset.ok) return null;
  const features = buildFeatures(dataset.value, p.plan);
  const rowsCsv = (rows: Int32Array) =>
    Array.from(rows, (row) => [...features.map((f) => f[row]), p.data.labels[row] === p.positive ? 1 : 0].join(',')).join('\n');
  writeFileSync(join(dir, 'train.csv'), rowsCsv(p.trainRows));
  writeFileSync(join(dir, 'test.csv'), rowsCsv(p.testRows));
  const script = `
import sys, time, numpy as np, sklearn
from sklearn.ensemble import RandomForestClassifier
from sklearn.metrics import accuracy_score, roc_auc_score
d = sys.argv[1]
train = np.loadtxt(d + '/train.csv', delimiter=','); test = np.loadtxt(d + '/test.csv', delimiter=',')
times = []
for seed in range(${RUNS}):
    model = RandomForestClassifier(n_estimators=100, n_jobs=1, random_state=seed)
    t = time.perf_counter(); model.fit(train[:, :-1], train[:, -1]); times.append(time.perf_counter() - t)
p = model.predict_proba(test[:, :-1])[:, 1]
print(sorted(times)[len(times) // 2], accuracy_score(test[:, -1], p >= 0.5), roc_auc_score(test[:, -1], p), sklearn.__version__)
`;
  const out = execFileSync(python, ['-c', script, dir], { encoding: 'utf8' }).trim().split(/\s+/);
  return { seconds: Number(out[0]), accuracy: Number(out[1]), auc: Number(out[2]), version: `scikit-learn ${out[3]}` };
}
