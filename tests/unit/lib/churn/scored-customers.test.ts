import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import {
  flaggedCount,
  idColumnOf,
  scoredCsv,
  scoredCustomers,
  scoredDataset,
  scoredDatasetCsv,
  scoredDatasetHeader,
  scoredDatasetRow,
  scoredHeader,
  scoredRow,
} from '../../../../src/lib/churn/scored-customers';
import { currentLocale, setLocale } from '../../../../src/lib/i18n/i18n';
import { churnWorkerApi } from '../../../../src/workers/churn-api';
import type { Dataset } from '../../../../src/core';
import { parsed } from '../../../helpers/datasets';

const initialLocale = currentLocale();
beforeEach(() => setLocale('en-US'));
afterAll(() => setLocale(initialLocale));

/** 40 customers; the 4th has an id a spreadsheet would run as a formula; row 11 has no target. */
function customersCsv(withId: boolean): string {
  const rows = Array.from({ length: 40 }, (_, i) => {
    const id = i === 3 ? '=HACK()' : `C${1000 + i}`;
    const churn = i === 10 ? '' : i % 3 === 0 ? 'Yes' : 'No';
    return `${withId ? `${id},` : ''}${i % 7},${(i * 13) % 50},${churn}`;
  });
  return `${withId ? 'customerID,' : ''}calls,spend,Churn\n${rows.join('\n')}\n`;
}

function trainedOn(dataset: Dataset) {
  const result = churnWorkerApi.train(dataset, { target: 'Churn', positive: 'Yes', trees: 5, seed: 1, permutationImportance: false });
  if (!result.ok) throw new Error(result.error.message);
  return scoredCustomers(dataset, result.value);
}

describe('scoredCustomers', () => {
  it('keys customers by the id column and marks the held-out rows', () => {
    const dataset = parsed(customersCsv(true));
    expect(idColumnOf(dataset)?.name).toBe('customerID');
    const s = trainedOn(dataset);
    expect(scoredHeader(s)).toEqual(['customerID', 'Churn probability', 'Churn (actual)', 'Held out', 'Flagged']);
    const heldOut = [...s.heldOut.keys()].filter((row) => s.heldOut[row] === 1);
    expect(heldOut).toEqual([...s.training.report.test.rows]);
    // Rank 0 is the riskiest customer; its values come from its own data set row.
    const row = s.training.order[0];
    const cells = scoredRow(s, 0, 0.5);
    expect(cells[0]).toBe(row === 3 ? '=HACK()' : `C${1000 + row}`);
    expect(cells[1]).toBeCloseTo(s.training.scores[row], 4);
    expect(cells[3]).toBe(s.heldOut[row] ? 'yes' : 'no');
    expect(cells[4]).toBe(s.training.scores[row] >= 0.5 ? 'yes' : 'no');
  });

  it('writes the customer without a target value with an empty actual class', () => {
    const s = trainedOn(parsed(customersCsv(true)));
    const rank = s.training.order.indexOf(10);
    expect(scoredRow(s, rank, 0.5)[2]).toBeNull();
  });

  it('flags by the threshold given: 0 flags everyone, above 1 nobody', () => {
    const s = trainedOn(parsed(customersCsv(true)));
    const flagged = (threshold: number) => Array.from(s.training.order, (_, rank) => scoredRow(s, rank, threshold)[4]);
    expect(new Set(flagged(0))).toEqual(new Set(['yes']));
    expect(new Set(flagged(1.01))).toEqual(new Set(['no']));
  });

  it('exports every customer riskiest first: BOM, header, formulas neutralised, 4 decimals', () => {
    const s = trainedOn(parsed(customersCsv(true)));
    const csv = scoredCsv(s, 0.5);
    expect(csv.startsWith('\uFEFFcustomerID,Churn probability,Churn (actual),Held out,Flagged\r\n')).toBe(true);
    const records = Papa.parse<string[]>(csv.slice(1), { skipEmptyLines: true }).data;
    expect(records).toHaveLength(41);
    const body = records.slice(1);
    expect(body.map((r) => r[0]).filter((id) => id.includes('HACK'))).toEqual(["'=HACK()"]);
    const probabilities = body.map((r) => Number(r[1]));
    expect(probabilities).toEqual([...probabilities].sort((a, b) => b - a));
    expect(body.every((r) => /^\d(\.\d{1,4})?$/.test(r[1]))).toBe(true);
  });

  it('keys customers by their row in the file when there is no id column', () => {
    // A title line above the header shifts every data row down by one in the file.
    const dataset = parsed(`Export of 2024-03-01\n${customersCsv(false)}`);
    expect(idColumnOf(dataset)).toBeNull();
    const s = trainedOn(dataset);
    expect(scoredHeader(s)[0]).toBe('File row');
    const row = s.training.order[0];
    // Data row 0 is file row 3: the title is row 1 and the header row 2.
    expect(scoredRow(s, 0, 0.5)[0]).toBe(row + 3);
  });
});

describe('scoredDataset (another data set scored with the model)', () => {
  /** A model trained without an id column, used on a data set that has one (and the other way round). */
  function scoredWith(training: Dataset, other: Dataset) {
    const trained = churnWorkerApi.train(training, { target: 'Churn', positive: 'Yes', trees: 5, seed: 1, permutationImportance: false });
    if (!trained.ok) throw new Error(trained.error.message);
    const rows = churnWorkerApi.score(trained.value.report.model, other);
    if (!rows.ok) throw new Error(rows.error.message);
    return scoredDataset(other, rows.value);
  }

  it('keys by the other data set’s id column: key, probability, flagged — no actual class or held out', () => {
    const other = parsed(customersCsv(true));
    const s = scoredWith(parsed(customersCsv(false)), other);
    expect(s.idColumn?.name).toBe('customerID');
    expect(scoredDatasetHeader(s)).toEqual(['customerID', 'Churn probability', 'Flagged']);
    const row = s.rows.order[0];
    const cells = scoredDatasetRow(s, 0, 0.5);
    expect(cells[0]).toBe(row === 3 ? '=HACK()' : `C${1000 + row}`);
    expect(cells[1]).toBeCloseTo(s.rows.scores[row], 4);
    expect(cells[2]).toBe(s.rows.scores[row] >= 0.5 ? 'yes' : 'no');
  });

  it('keys by the row in the file when the other data set has no id column', () => {
    const s = scoredWith(parsed(customersCsv(true)), parsed(`Export of 2024-04-01\n${customersCsv(false)}`));
    expect(scoredDatasetHeader(s)[0]).toBe('File row');
    expect(scoredDatasetRow(s, 0, 0.5)[0]).toBe(s.rows.order[0] + 3);
  });

  it('exports every customer riskiest first with BOM, formulas neutralised, flagged at the threshold', () => {
    const s = scoredWith(parsed(customersCsv(false)), parsed(customersCsv(true)));
    const csv = scoredDatasetCsv(s, 0.4);
    expect(csv.startsWith('\uFEFFcustomerID,Churn probability,Flagged\r\n')).toBe(true);
    const body = Papa.parse<string[]>(csv.slice(1), { skipEmptyLines: true }).data.slice(1);
    expect(body).toHaveLength(40);
    expect(body.map((r) => r[0]).filter((id) => id.includes('HACK'))).toEqual(["'=HACK()"]);
    const probabilities = body.map((r) => Number(r[1]));
    expect(probabilities).toEqual([...probabilities].sort((a, b) => b - a));
    expect(body.filter((r) => r[2] === 'yes')).toHaveLength(flaggedCount(s.rows.scores, 0.4));
    expect(body.every((r, rank) => r[2] === (s.rows.scores[s.rows.order[rank]] >= 0.4 ? 'yes' : 'no'))).toBe(true);
  });
});

describe('flaggedCount', () => {
  it('counts the scores at or above the threshold', () => {
    const scores = new Float64Array([0.1, 0.5, 0.7, 0.5, 0]);
    expect(flaggedCount(scores, 0.5)).toBe(3);
    expect(flaggedCount(scores, 0)).toBe(5);
    expect(flaggedCount(scores, 1.01)).toBe(0);
  });
});
