import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import { idColumnOf, scoredCsv, scoredCustomers, scoredHeader, scoredRow } from '../../../../src/lib/churn/scored-customers';
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
