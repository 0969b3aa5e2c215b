import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseCsv, type Dataset } from '../../../../src/core';
import { createByteImporter, finishImport, HEAD_BYTES } from '../../../../src/core/data/byte-importer';
import { planImport } from '../../../../src/core/data/import-plan';
import { exportCsvPart } from '../../../../src/core/data/csv-part';

const shared = (name: string) => new Uint8Array(readFileSync(resolve(process.cwd(), '../shared/data', name)));
const bytesOf = (text: string) => new TextEncoder().encode(text);

/** What two workers do: plan, read both halves, merge (the halves are read in pieces too). */
function importInTwoParts(bytes: Uint8Array, cutNear = Math.floor(bytes.length / 2)) {
  const plan = planImport(bytes.subarray(0, HEAD_BYTES), bytes.length, { offset: cutNear, bytes: bytes.subarray(cutNear, cutNear + 4096) });
  if (!plan.ok) throw new Error(plan.error.message);
  const { splitAt, settings, header, encoding } = plan.value;
  expect(splitAt).not.toBeNull();
  const first = createByteImporter(bytes.subarray(0, HEAD_BYTES), bytes.length, { delimiter: settings.delimiter, decimal: settings.decimal, encoding, fileName: 'f.csv' });
  const second = createByteImporter(bytes.subarray(splitAt!, splitAt! + HEAD_BYTES), bytes.length - splitAt!, { encoding, continuation: { settings, header }, fileName: 'f.csv' });
  if (!first.ok || !second.ok) throw new Error('could not start');
  const feed = (importer: typeof first.value, from: number, to: number) => {
    for (let start = from; start < to; start += 100_000) importer.push(bytes.subarray(start, Math.min(to, start + 100_000)), start + 100_000 >= to);
  };
  feed(first.value, 0, splitAt!);
  feed(second.value, splitAt!, bytes.length);
  const partA = first.value.collect();
  // The second part crosses to the first worker as plain data.
  const partB = structuredClone(exportCsvPart(second.value.collect()));
  const source = { fileName: 'f.csv', byteLength: bytes.length, encoding, encodingGuessed: plan.value.encodingGuessed };
  return { partA, result: finishImport([partA, partB], source) };
}

function whole(bytes: Uint8Array): Dataset {
  const result = parseCsv(bytes, { fileName: 'f.csv' });
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

function inTwo(bytes: Uint8Array, cutNear?: number): Dataset {
  const { result } = importInTwoParts(bytes, cutNear);
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

describe('importing a file in two parts', () => {
  it.each(['telco-churn.csv', 'telco-churn-messy.csv', 'bank-churners.csv', 'champagne-sales.csv', 'air-passengers.csv'])(
    'gives exactly the data set of one reader on %s',
    (name) => {
      const bytes = shared(name);
      expect(inTwo(bytes)).toEqual(whole(bytes));
    },
  );

  it('numbers problems in the second part as rows of the whole file', () => {
    const lines = ['a,b,c'];
    for (let i = 1; i <= 400; i++) lines.push(i === 350 ? '1,2' : i === 360 ? '' : `${i},x${i % 3},${i / 4}`);
    const bytes = bytesOf(lines.join('\n') + '\nTotal,,\n');
    const split = inTwo(bytes);
    expect(split).toEqual(whole(bytes));
    expect(split.issues.find((i) => i.code === 'ROW_TOO_SHORT')).toMatchObject({ row: 351, message: expect.stringContaining('Row 351 ') });
    expect(split.issues.find((i) => i.code === 'BLANK_ROWS')).toMatchObject({ row: 361 });
    expect(split.issues.find((i) => i.code === 'TRAILING_JUNK')).toMatchObject({ row: 402 });
  });

  it('merges a column that is numbers in one part and text in the other', () => {
    const lines = ['id,v'];
    for (let i = 0; i < 2000; i++) lines.push(`${i},${i < 1000 ? i % 10 : `code-${i % 5}`}`);
    const bytes = bytesOf(lines.join('\n') + '\n');
    const split = inTwo(bytes);
    expect(split).toEqual(whole(bytes));
    expect(split.columns[1].type).toBe('category');
  });

  it('tells when the cut fell inside a quoted cell, so the caller reads the file as one', () => {
    const note = `"${'long note, '.repeat(50)}\n${'second line '.repeat(50)}"`;
    const lines = ['id,note'];
    for (let i = 0; i < 200; i++) lines.push(`${i},${note}`);
    const bytes = bytesOf(lines.join('\n') + '\n');
    // Cut at the line break inside the quoted note of some row in the middle.
    const insideQuotes = new TextDecoder().decode(bytes).indexOf('\nsecond line', bytes.length / 2) - 10;
    expect(importInTwoParts(bytes, insideQuotes).partA.endsInsideQuotes).toBe(true);
    // Cut between records: the halves merge cleanly.
    const between = new TextDecoder().decode(bytes).indexOf('"\n', bytes.length / 2);
    expect(importInTwoParts(bytes, between).partA.endsInsideQuotes).toBe(false);
    expect(inTwo(bytes, between)).toEqual(whole(bytes));
  });
});

describe('importing a file in two parts: where to cut', () => {
  it('cuts a CRLF file only at CRLF, never at a bare LF inside a cell', () => {
    const lines = ['id,note'];
    for (let i = 0; i < 4000; i++) lines.push(i === 2000 ? `${i},called back\nno answer` : `${i},ok`);
    const bytes = bytesOf(lines.join('\r\n') + '\r\n');
    const bareLf = new TextDecoder().decode(bytes).indexOf('back\n') + 4;
    const split = inTwo(bytes, bareLf);
    expect(split).toEqual(whole(bytes));
    expect(split.rowCount).toBe(4000);
  });

  it('does not cut a file whose header is longer than the head it reads', () => {
    const header = Array.from({ length: 7000 }, (_, i) => `question_${i}_long_name`).join(',');
    const bytes = bytesOf(`${header}\n${'1,'.repeat(6999)}1\n`.repeat(1));
    const plan = planImport(bytes.subarray(0, HEAD_BYTES), bytes.length, { offset: bytes.length - 10, bytes: bytes.subarray(bytes.length - 10) });
    expect(plan.ok && plan.value.splitAt).toBe(null);
  });

  it('reads the second part of a text file with a stray NUL byte as the one reader does', () => {
    const lines = ['id,name'];
    for (let i = 0; i < 4000; i++) lines.push(`${i},name${i % 7}${i === 2100 ? '\u0000' : ''}`);
    const bytes = bytesOf(lines.join('\n') + '\n');
    expect(inTwo(bytes)).toEqual(whole(bytes));
  });

  it('switches to Windows-1252 when the first accent comes after an ASCII start, in either part', () => {
    const lines = ['id,name,city'];
    for (let i = 0; i < 6000; i++) lines.push(i === 2900 || i === 5900 ? `${i},M\u00fcller GmbH,Z\u00fcrich` : `${i},Smith ${i % 9},London`);
    const text = lines.join('\n') + '\n';
    const bytes = Uint8Array.from(text, (ch) => ch.charCodeAt(0)); // Latin-1 bytes: ü = 0xFC
    const one = whole(bytes);
    expect(one.source.encoding).toBe('windows-1252');
    expect(one.issues[0]).toMatchObject({ code: 'ENCODING_GUESSED' });
    const names = one.columns[1].storage.kind === 'dictionary' ? one.columns[1] : null;
    expect(names).not.toBeNull();
    expect(inTwo(bytes)).toEqual(one);
  });
});
