/**
 * CSV import benchmark: parse-and-type throughput and peak memory on a ~100 MB file built
 * from telco-churn.csv rows, next to two baselines measured in the same run:
 *   split     — text.split('\n') then line.split(',') (no quotes, no types): the floor
 *   papaparse — Papa.parse(text) producing arrays of strings (no types)
 *   engine    — what the import worker does: slices, decoding, parsing, typing, columns
 *   engine-2  — the same on two cores: the file cut at a line break near the middle
 * Each measurement runs in its own Node process, so peak memory (max RSS) is its own.
 * Usage: npm run bench [-- --mb 100 --runs 3]
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const args = process.argv.slice(2);
const option = (name: string, fallback: number) => {
  const at = args.indexOf(`--${name}`);
  return at >= 0 ? Number(args[at + 1]) : fallback;
};
const targetMb = option('mb', 100);
const runs = option('runs', 3);

const source = resolve(process.cwd(), '../shared/data/telco-churn.csv');
const dir = join(tmpdir(), 'b2b-strategy-lab-bench');
mkdirSync(dir, { recursive: true });
const file = join(dir, `telco-${targetMb}mb.csv`);

if (!existsSync(file)) {
  const text = readFileSync(source, 'utf8').replace(/\r\n/g, '\n');
  const newline = text.indexOf('\n');
  const header = text.slice(0, newline + 1);
  const body = text.slice(newline + 1);
  const copies = Math.ceil((targetMb * 1e6) / Buffer.byteLength(body));
  writeFileSync(file, header + body.repeat(copies));
}
const bytes = statSync(file).size;
const mb = bytes / 1e6;

interface Measurement {
  ms: number;
  peakRssMb: number;
  baseRssMb: number;
  rows: number;
}

function measure(mode: string): Measurement {
  const out = execFileSync(process.execPath, ["--import", "tsx", "tests/bench/csv-import-run.ts", mode, file], {
    encoding: 'utf8',
    maxBuffer: 1 << 20,
  });
  return JSON.parse(out.trim().split('\n').pop()!) as Measurement;
}

const modes = ['split', 'papaparse', 'engine', 'engine-2'] as const;
const results: Record<string, Measurement[]> = {};
for (let run = 0; run < runs; run++) {
  for (const mode of modes) (results[mode] ??= []).push(measure(mode));
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const summary = Object.fromEntries(
  modes.map((mode) => {
    const ms = median(results[mode].map((r) => r.ms));
    const peak = Math.max(...results[mode].map((r) => r.peakRssMb - r.baseRssMb));
    return [mode, { ms, mbPerS: mb / (ms / 1000), peakOverFile: peak / mb, rows: results[mode][0].rows }];
  }),
);

console.log(`file: ${mb.toFixed(1)} MB, ${summary.engine.rows.toLocaleString('en')} rows; median of ${runs} runs each`);
console.log('mode        MB/s    × split  × papaparse  peak memory (× file size, above process start)');
for (const mode of modes) {
  const s = summary[mode];
  console.log(
    `${mode.padEnd(10)} ${s.mbPerS.toFixed(1).padStart(6)}   ${(s.mbPerS / summary.split.mbPerS).toFixed(2).padStart(6)}   ${(s.mbPerS / summary.papaparse.mbPerS).toFixed(2).padStart(9)}   ${s.peakOverFile.toFixed(2)}`,
  );
}
const goal = summary.engine.mbPerS / summary.papaparse.mbPerS;
console.log(`goal: engine ≥ 0.9 × papaparse → ${goal.toFixed(2)} (${goal >= 0.9 ? 'met' : 'NOT met'}); peak < 3 × file → ${summary.engine.peakOverFile.toFixed(2)} (${summary.engine.peakOverFile < 3 ? 'met' : 'NOT met'})`);
const stretch = summary['engine-2'].mbPerS / summary.papaparse.mbPerS;
console.log(`stretch: two cores vs papaparse alone → ${stretch.toFixed(2)}×, vs one core → ${(summary['engine-2'].mbPerS / summary.engine.mbPerS).toFixed(2)}×`);
