import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseCsv, getNumbers, getStrings, fileRowNumber, type Dataset } from '../../../../src/core';
import { parsed } from '../../../helpers/datasets';

const shared = (name: string) => new Uint8Array(readFileSync(resolve(process.cwd(), '../shared/data', name)));

const typeOf = (d: Dataset, name: string) => d.columns.find((c) => c.name === name)?.type;
const missingOf = (d: Dataset, name: string) => d.columns.find((c) => c.name === name)?.missingCount;
const codes = (d: Dataset) => d.issues.map((i) => i.code);

// Expected counts below were taken with Python's csv module, independently of this code.
describe('parseCsv on the shared data sets', () => {
  it('reads telco-churn.csv: 7,043 rows, 20 typed columns, no problems', () => {
    const d = parsed(shared('telco-churn.csv'), { fileName: 'telco-churn.csv' });
    expect(d.rowCount).toBe(7043);
    expect(d.columns).toHaveLength(20);
    expect(d.issues).toEqual([]);
    expect(typeOf(d, 'tenure')).toBe('integer');
    expect(typeOf(d, 'SeniorCitizen')).toBe('integer');
    expect(typeOf(d, 'MonthlyCharges')).toBe('number');
    expect(typeOf(d, 'TotalCharges')).toBe('number');
    expect(typeOf(d, 'Contract')).toBe('category');
    expect(typeOf(d, 'Churn')).toBe('boolean');
    const monthly = getNumbers(d, 'MonthlyCharges');
    expect(Math.min(...monthly)).toBe(18.25);
    expect(monthly.reduce((a, b) => a + b, 0)).toBeCloseTo(456116.6, 6);
    expect(Array.from(getNumbers(d, 'TotalCharges')).filter((v) => v === 0)).toHaveLength(11);
    expect(getStrings(d, 'Churn').filter((v) => v === 'Yes')).toHaveLength(1869);
    expect(d.source).toMatchObject({ encoding: 'utf-8', delimiter: ',', decimal: '.' });
  });

  it('reads telco-churn-messy.csv: the id column, blank cells and lone spaces are missing', () => {
    const d = parsed(shared('telco-churn-messy.csv'));
    expect(d.rowCount).toBe(7043);
    expect(d.columns).toHaveLength(21);
    expect(typeOf(d, 'customerID')).toBe('id');
    expect(getStrings(d, 'customerID')[0]).toBe('7590-VHVEG');
    expect(missingOf(d, 'gender')).toBe(3);
    expect(missingOf(d, 'MonthlyCharges')).toBe(2);
    expect(missingOf(d, 'TotalCharges')).toBe(11);
    expect(typeOf(d, 'TotalCharges')).toBe('number');
    expect(d.issues).toEqual([]);
  });

  it('reads bank-churners.csv: CLIENTNUM is an id, the churn label a category', () => {
    const d = parsed(shared('bank-churners.csv'));
    expect(d.rowCount).toBe(10127);
    expect(d.columns).toHaveLength(23);
    expect(typeOf(d, 'CLIENTNUM')).toBe('id');
    expect(typeOf(d, 'Attrition_Flag')).toBe('category');
    expect(getStrings(d, 'Attrition_Flag').filter((v) => v === 'Attrited Customer')).toHaveLength(1627);
    expect(typeOf(d, 'Credit_Limit')).toBe('number');
    expect(typeOf(d, 'Customer_Age')).toBe('integer');
  });

  it('reads champagne-sales.csv: 94 months, the blank line and the footer are junk at rows 96 and 97', () => {
    const d = parsed(shared('champagne-sales.csv'));
    expect(d.rowCount).toBe(94);
    expect(typeOf(d, 'Month')).toBe('date');
    expect(d.columns[1].type).toBe('integer');
    expect(d.columns[1].missingCount).toBe(0);
    const junk = d.issues.find((i) => i.code === 'TRAILING_JUNK');
    expect(junk).toMatchObject({ row: 96, params: { rows: '96, 97', count: 2 } });
    expect(codes(d)).not.toContain('DATE_ORDER_AMBIGUOUS');
    const months = getNumbers(d, 'Month');
    expect(months[0]).toBe(Date.UTC(1964, 0, 1));
    expect(months[93]).toBe(Date.UTC(1971, 9, 1));
    expect(getNumbers(d, d.columns[1].name)[93]).toBe(6981);
  });

  it('reads air-passengers.csv: "Mon YYYY" dates', () => {
    const d = parsed(shared('air-passengers.csv'));
    expect(d.rowCount).toBe(144);
    expect(typeOf(d, 'date')).toBe('date');
    expect(getNumbers(d, 'date')[0]).toBe(Date.UTC(1949, 0, 1));
    expect(getNumbers(d, 'traffic')[143]).toBe(432);
    expect(d.issues).toEqual([]);
  });
});

describe('parseCsv: inference', () => {
  it('keeps leading-zero codes as strings', () => {
    const d = parsed('zip,n\n02134,1\n90210,2\n10001,3\n');
    expect(typeOf(d, 'zip')).toBe('category');
    expect(getStrings(d, 'zip')).toEqual(['02134', '90210', '10001']);
  });

  it('reads formatted numbers: thousands, currency, percent, accounting negatives', () => {
    const d = parsed('amount,share,balance\n"1,234.50",12%,(500)\n"$1,234",5%,"($1,000.25)"\n7,0.5%,3\n');
    expect(Array.from(getNumbers(d, 'amount'))).toEqual([1234.5, 1234, 7]);
    expect(getNumbers(d, 'share')[0]).toBeCloseTo(0.12, 12);
    expect(getNumbers(d, 'share')[2]).toBeCloseTo(0.005, 12);
    expect(Array.from(getNumbers(d, 'balance'))).toEqual([-500, -1000.25, 3]);
  });

  it('treats "", NA, N/A, null, - and a lone space as missing', () => {
    const d = parsed('x,y\n1,a\n,b\nNA,c\nN/A,d\nnull,e\n-,f\n ,g\n8,h\n');
    expect(typeOf(d, 'x')).toBe('integer');
    expect(missingOf(d, 'x')).toBe(6);
    expect(Array.from(getNumbers(d, 'x')).filter((v) => !Number.isNaN(v))).toEqual([1, 8]);
  });

  it('tells boolean, category, id and text apart', () => {
    const ids = Array.from({ length: 30 }, (_, i) => `C-${1000 + i}`);
    const notes = Array.from({ length: 30 }, (_, i) => `Customer ${i} asked for a call back about the renewal terms in spring`);
    const rows = ids.map((id, i) => `${id},${i % 2 ? 'true' : 'false'},${['North', 'South', 'East'][i % 3]},"${notes[i]}"`);
    const d = parsed(`id,active,region,note\n${rows.join('\n')}\n`);
    expect(d.columns.map((c) => c.type)).toEqual(['id', 'boolean', 'category', 'text']);
  });

  it('turns a mostly-numeric column with a few junk cells into numbers and reports the rows', () => {
    const values = Array.from({ length: 100 }, (_, i) => (i === 10 || i === 50 ? 'n/k' : String(i * 1.5)));
    const d = parsed(`v\n${values.join('\n')}\n`);
    expect(typeOf(d, 'v')).toBe('number');
    const mixed = d.issues.find((i) => i.code === 'MIXED_TYPE');
    // Data rows 10 and 50 are file rows 12 and 52 (the header is row 1).
    expect(mixed).toMatchObject({ column: 'v', row: 12, params: { count: 2, rows: '12, 52' } });
    expect(Number.isNaN(getNumbers(d, 'v')[10])).toBe(true);
    expect(getStrings(d, 'v')[10]).toBe('n/k');
  });

  it('keeps a half-numeric column as text and says so', () => {
    const d = parsed('v\n1\n2\n3\nfour\nfive\n6\n');
    expect(typeOf(d, 'v')).toBe('category');
    expect(codes(d)).toContain('MIXED_TYPE_TEXT');
  });

  it('reports empty and constant columns', () => {
    const d = parsed('a,b,c\n1,,x\n2,,x\n3,,x\n');
    expect(codes(d)).toEqual(expect.arrayContaining(['EMPTY_COLUMN', 'CONSTANT_COLUMN']));
    expect(d.issues.find((i) => i.code === 'EMPTY_COLUMN')?.column).toBe('b');
    expect(d.issues.find((i) => i.code === 'CONSTANT_COLUMN')?.column).toBe('c');
  });

  it('switches a column to text when non-numbers appear after many numeric rows', () => {
    const rows = Array.from({ length: 3000 }, (_, i) => (i < 1000 ? String(i % 10) : `code-${i % 7}`));
    const d = parsed(`v\n${rows.join('\n')}\n`);
    expect(typeOf(d, 'v')).toBe('category');
    expect(getStrings(d, 'v')[5]).toBe('5');
    expect(getStrings(d, 'v')[2999]).toBe(`code-${2999 % 7}`);
    expect(d.columns[0].storage.kind).toBe('dictionary');
  });
});

describe('parseCsv: structure problems', () => {
  it('pads short rows, drops extra cells and reports both with row numbers', () => {
    const d = parsed('a,b,c\n1,2,3\n4,5\n6,7,8,9\n10,11,12,,\n');
    expect(d.rowCount).toBe(4);
    const short = d.issues.find((i) => i.code === 'ROW_TOO_SHORT');
    const long = d.issues.find((i) => i.code === 'ROW_TOO_LONG');
    expect(short).toMatchObject({ row: 3, params: { cells: 2, expected: 3 } });
    expect(long).toMatchObject({ row: 4, params: { cells: 4, expected: 3, extra: '9' } });
    // Trailing empty cells (a common spreadsheet export habit) are not a problem.
    expect(d.issues.filter((i) => i.code === 'ROW_TOO_LONG')).toHaveLength(1);
    expect(Number.isNaN(getNumbers(d, 'c')[1])).toBe(true);
  });

  it('skips blank rows in the middle and reports them', () => {
    const d = parsed('a,b\n1,2\n\n3,4\n,\n5,6\n');
    expect(d.rowCount).toBe(3);
    expect(d.issues.find((i) => i.code === 'BLANK_ROWS')).toMatchObject({ row: 3, params: { count: 2, rows: '3, 5' } });
    // The table numbers rows as the file does: 2, then 4 and 6 past the blank rows.
    expect([0, 1, 2].map((row) => fileRowNumber(d, row))).toEqual([2, 4, 6]);
    expect(Array.from(getNumbers(d, 'a'))).toEqual([1, 3, 5]);
  });

  it('skips blank lines above the header', () => {
    const d = parsed('\n\na,b\n1,2\n');
    expect(d.columns.map((c) => c.name)).toEqual(['a', 'b']);
    expect(d.rowCount).toBe(1);
  });

  it('maps row numbers past skipped rows', () => {
    const d = parsed('a\n1\n\n\n2\nx\n3\n4\n5\n6\n7\n8\n9\n10\n11\n12\n13\n14\n15\n16\n17\n18\n19\n20\n21\n');
    const mixed = d.issues.find((i) => i.code === 'MIXED_TYPE');
    // Lines: 1 header, 2 "1", 3 and 4 blank, 5 "2", 6 "x".
    expect(mixed?.row).toBe(6);
  });

  it('renames duplicate and empty headers and reports them', () => {
    const d = parsed('name,,name,name\na,b,c,d\n');
    expect(d.columns.map((c) => c.name)).toEqual(['name', 'Column 2', 'name (2)', 'name (3)']);
    expect(codes(d).filter((c) => c === 'DUPLICATE_HEADER')).toHaveLength(2);
    expect(codes(d)).toContain('EMPTY_HEADER');
  });

  it('reads quoted cells with delimiters, quotes and newlines inside', () => {
    const d = parsed('id,comment\n1,"Hello, world"\n2,"She said ""yes"""\n3,"two\nlines"\n');
    expect(getStrings(d, 'comment')).toEqual(['Hello, world', 'She said "yes"', 'two\nlines']);
  });

  it('reports an unclosed quote', () => {
    const d = parsed('a,b\n1,"open\n2,3\n');
    expect(codes(d)).toContain('UNCLOSED_QUOTE');
  });

  it('drops a "Total" footer under a table of numbers', () => {
    const rows = Array.from({ length: 30 }, (_, i) => `2024-01-${String(i + 1).padStart(2, '0')},${i}`);
    const d = parsed(`day,sales\n${rows.join('\n')}\nTotal,435\n`);
    expect(d.rowCount).toBe(30);
    expect(d.issues.find((i) => i.code === 'TRAILING_JUNK')).toMatchObject({ row: 32 });
    expect(typeOf(d, 'day')).toBe('date');
  });
});

describe('parseCsv: delimiters, decimal marks and encodings', () => {
  it('reads semicolon files with decimal commas', () => {
    const d = parsed('Produkt;Preis;Menge\nA;1.234,50;3\nB;12,5;4\nC;0,75;5\n');
    expect(d.source).toMatchObject({ delimiter: ';', decimal: ',' });
    expect(Array.from(getNumbers(d, 'Preis'))).toEqual([1234.5, 12.5, 0.75]);
  });

  it('says when the separator was a guess between close rivals', () => {
    const d = parsed('a,b;c\n1,2;3\n4,5;6\n');
    expect(d.issues[0]).toMatchObject({ code: 'DELIMITER_ASSUMED' });
  });

  it('reads tab-separated files', () => {
    const d = parsed('a\tb\n1\tx y\n2\tz\n');
    expect(d.source.delimiter).toBe('\t');
    expect(getStrings(d, 'b')).toEqual(['x y', 'z']);
  });

  it('skips Excel\'s "sep=;" hint line', () => {
    const d = parsed('sep=;\na;b\n1;2\n');
    expect(d.columns.map((c) => c.name)).toEqual(['a', 'b']);
    expect(d.rowCount).toBe(1);
  });

  it('reads UTF-16 LE text without a byte-order mark', () => {
    const text = 'a,b\n1,é\n';
    const bytes = new Uint8Array(text.length * 2);
    for (let i = 0; i < text.length; i++) bytes[i * 2] = text.charCodeAt(i);
    const d = parsed(bytes);
    expect(d.source.encoding).toBe('utf-16le');
    expect(getStrings(d, 'b')).toEqual(['é']);
  });

  it('honours an explicit delimiter and decimal mark', () => {
    const d = parsed('a|b\n1,5|2\n', { delimiter: '|', decimal: ',' });
    expect(getNumbers(d, 'a')[0]).toBe(1.5);
  });

  it('reads CRLF line ends without leaving \\r in the last column', () => {
    const d = parsed('a,b\r\n1,x\r\n2,y\r\n');
    expect(getStrings(d, 'b')).toEqual(['x', 'y']);
  });

  it('decodes a UTF-8 BOM file and a windows-1252 file', () => {
    const utf8 = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('Kunde,Stadt\nMüller,Köln\n')]);
    expect(getStrings(parsed(utf8), 'Stadt')).toEqual(['Köln']);
    const latin = new Uint8Array([...new TextEncoder().encode('Kunde;Stadt\n'), 0x4d, 0xfc, 0x6c, 0x6c, 0x65, 0x72, 0x3b, 0x4b, 0xf6, 0x6c, 0x6e, 0x0a]);
    const d = parsed(latin);
    expect(d.source.encoding).toBe('windows-1252');
    expect(getStrings(d, 'Kunde')).toEqual(['Müller']);
    expect(d.issues[0]).toMatchObject({ code: 'ENCODING_GUESSED', params: { encoding: 'windows-1252' } });
    // Chosen by the user: no guess to report.
    expect(codes(parsed(latin, { encoding: 'windows-1252' }))).not.toContain('ENCODING_GUESSED');
  });

  it('decodes a GB18030 (Chinese Excel) file', () => {
    // "客户,销售额\n张三,100\n" in GB18030; the bytes are checked against the decoder first.
    const bytes = new Uint8Array([0xbf, 0xcd, 0xbb, 0xa7, 0x2c, 0xcf, 0xfa, 0xca, 0xdb, 0xb6, 0xee, 0x0a, 0xd5, 0xc5, 0xc8, 0xfd, 0x2c, 0x31, 0x30, 0x30, 0x0a]);
    expect(new TextDecoder('gb18030').decode(bytes)).toBe('客户,销售额\n张三,100\n');
    const d = parsed(bytes);
    expect(d.source.encoding).toBe('gb18030');
    expect(d.columns.map((c) => c.name)).toEqual(['客户', '销售额']);
    expect(getStrings(d, '客户')).toEqual(['张三']);
  });

  it('gives the same data set for text fed whole and for bytes fed in pieces', () => {
    const text = readFileSync(resolve(process.cwd(), '../shared/data/bank-churners.csv'), 'utf8');
    const big = text + text.slice(text.indexOf('\n') + 1).repeat(2); // ~4.5 MB: decoded in pieces
    const fromText = parsed(big);
    const fromBytes = parsed(new TextEncoder().encode(big));
    expect(fromBytes.rowCount).toBe(30381);
    expect(fromText.rowCount).toBe(fromBytes.rowCount);
    expect(getNumbers(fromBytes, 'Credit_Limit')).toEqual(getNumbers(fromText, 'Credit_Limit'));
    expect(getStrings(fromBytes, 'Attrition_Flag')).toEqual(getStrings(fromText, 'Attrition_Flag'));
  });
});

describe('parseCsv: unusable input', () => {
  it.each([
    ['an empty file', '', 'EMPTY_FILE'],
    ['only blank lines', '\n\n\n', 'EMPTY_FILE'],
    ['a header only', 'a,b,c\n', 'NO_DATA_ROWS'],
  ])('refuses %s', (_, input, code) => {
    const result = parseCsv(input);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe(code);
  });

  it('refuses a spreadsheet and a binary file with a message saying what to do', () => {
    const xlsx = parseCsv(new Uint8Array([0x50, 0x4b, 3, 4, 20, 0, 6, 0]));
    expect(xlsx.ok === false && xlsx.error.code).toBe('SPREADSHEET_FILE');
    expect(xlsx.ok === false && xlsx.error.message).toMatch(/Save As › CSV/);
    const binary = parseCsv(new Uint8Array([1, 2, 0, 0, 255, 7, 0, 3, 9, 9]));
    expect(binary.ok === false && binary.error.code).toBe('BINARY_FILE');
  });
});

describe('parseCsv: exports from Chinese and other tools', () => {
  it('reads Chinese dates, 是/否 answers and amounts in 元', () => {
    const d = parsed('日期,续约,金额\n2024年3月15日,是,"1,234.50元"\n2024年4月1日,否,99元\n2024年5月2号,是,0元\n');
    expect(d.columns.map((c) => c.type)).toEqual(['date', 'boolean', 'number']);
    expect(Array.from(getNumbers(d, '日期'))).toEqual([Date.UTC(2024, 2, 15), Date.UTC(2024, 3, 1), Date.UTC(2024, 4, 2)]);
    expect(Array.from(getNumbers(d, '续约'))).toEqual([1, 0, 1]);
    expect(Array.from(getNumbers(d, '金额'))).toEqual([1234.5, 99, 0]);
  });

  it('keeps 16- to 19-digit numbers (cards, accounts, ID cards) as codes, losing no digit', () => {
    const rows = ['6222021234567890123', '6222021234567890124', '110101199003071234'];
    const d = parsed(`account,balance\n${rows.map((r, i) => `${r},${i}`).join('\n')}\n`);
    expect(d.columns[0].type).not.toMatch(/number|integer/);
    expect(getStrings(d, 'account')).toEqual(rows);
  });

  it('treats an em dash alone as missing', () => {
    const d = parsed('v\n1\n—\n3\n');
    expect(d.columns[0]).toMatchObject({ type: 'integer', missingCount: 1 });
  });
});

describe('parseCsv: what a review of real exports turned up', () => {
  it('reads a semicolon file of whole amounts with thousands dots, and says how', () => {
    const d = parsed('Kunde;Umsatz\nA;1.250\nB;12.400\nC;850\n');
    expect(Array.from(getNumbers(d, 'Umsatz'))).toEqual([1250, 12400, 850]);
    expect(d.issues[0]).toMatchObject({ code: 'DECIMAL_MARK_ASSUMED', params: { decimal: ',' } });
  });

  it('reads a one-column file of decimal-comma numbers as one column', () => {
    const d = parsed('Umsatz\n1,5\n2,25\n3,75\n');
    expect(d.columns.map((c) => c.name)).toEqual(['Umsatz']);
    expect(Array.from(getNumbers(d, 'Umsatz'))).toEqual([1.5, 2.25, 3.75]);
    expect(d.issues.map((i) => i.code)).toEqual(['ONE_COLUMN']);
  });

  it('keeps empty lines of a one-column series as missing values, not gaps', () => {
    const d = parsed('sales\n10\n\n30\n40\n');
    expect(Array.from(getNumbers(d, 'sales'))).toEqual([10, NaN, 30, 40]);
  });

  it('leaves title lines above the header out, and says so', () => {
    const d = parsed('Sales report 2024\nExported 2024-12-31\n\nMonth,Region,Sales\n2024-01,North,10\n2024-02,South,12\n2024-03,North,9\n');
    expect(d.columns.map((c) => c.name)).toEqual(['Month', 'Region', 'Sales']);
    expect(d.rowCount).toBe(3);
    expect(d.issues.find((i) => i.code === 'PREAMBLE_SKIPPED')).toMatchObject({ row: 1, params: { rows: '1, 2' } });
    // Rows keep their place in the file: records 0-2 are not data, 3 is the header.
    expect(d.source.skippedRecords).toEqual([0, 1, 2]);
    expect([0, 1, 2].map((row) => fileRowNumber(d, row))).toEqual([5, 6, 7]);
  });

  it('keeps the header when rows end in extra empty cells', () => {
    const d = parsed('a,b,c\n1,2,3,\n4,5,6,\n');
    expect(d.columns.map((c) => c.name)).toEqual(['a', 'b', 'c']);
    expect(d.rowCount).toBe(2);
  });

  it('reads a file whose lines end in a mix of CRLF and LF', () => {
    const d = parsed('a,b\r\n1,2\n3,4\n5,"six"\n');
    expect(d.rowCount).toBe(3);
    expect(getStrings(d, 'b')).toEqual(['2', '4', 'six']);
  });

  it('reads month-first dates month-first in every column once one column shows it', () => {
    const rows = Array.from({ length: 12 }, (_, m) => `${m + 1}/1/2024,${m * 10},${m + 1}/${m + 14}/2024`);
    const d = parsed(`Month,Sales,Order Date\n${rows.join('\n')}\n`);
    expect(d.source.dateOrder).toBe('mdy');
    expect(getNumbers(d, 'Month')[1]).toBe(Date.UTC(2024, 1, 1));
    expect(d.issues.map((i) => i.code)).not.toContain('DATE_ORDER_AMBIGUOUS');
  });

  it('refuses a file where a stray quote would swallow the rest, naming the row', () => {
    const rows = Array.from({ length: 40 }, (_, i) => (i === 6 ? '7,"Acme, Inc,7' : `${i + 1},Name ${i},${i}`));
    const result = parseCsv(`id,name,n\n${rows.join('\n')}\n`);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatchObject({ code: 'UNCLOSED_QUOTE', params: { row: 8 } });
  });

  it('reports a badly placed quote once per row', () => {
    const d = parsed('id,name,n\n1,a,1\n7,"a"b,1\n3,c,3\n');
    expect(d.issues.filter((i) => i.code === 'MALFORMED_QUOTES')).toHaveLength(1);
  });

  it('does not report a dropped footer as a short row too', () => {
    const rows = Array.from({ length: 30 }, (_, i) => `2024-01-${String(i + 1).padStart(2, '0')},${i},x${i % 3}`);
    const d = parsed(`day,sales,note\n${rows.join('\n')}\nTotal: 435\n`);
    expect(d.rowCount).toBe(30);
    expect(d.issues.map((i) => i.code)).toEqual(['TRAILING_JUNK']);
  });

  it('leaves out unnamed empty columns at the right, as spreadsheets export them', () => {
    const d = parsed('a,b,,,\n1,2,,,\n3,4,,,\n');
    expect(d.columns.map((c) => c.name)).toEqual(['a', 'b']);
    expect(d.issues.map((i) => i.code)).toEqual(['EMPTY_COLUMNS_DROPPED']);
  });

  it('shows numbers as written when a mostly-numeric column turns to text', () => {
    const values = Array.from({ length: 300 }, (_, i) => (i % 10 === 0 ? `0151 ${1000 + i}` : `+49151${1000 + i}`));
    const d = parsed(`phone\n${values.join('\n')}\n`);
    expect(d.columns[0].type).not.toMatch(/number|integer/);
    expect(getStrings(d, 'phone').slice(0, 3)).toEqual(['0151 1000', '+491511001', '+491511002']);
  });

  it('keeps amounts as written in a decimal-comma column that turns to text', () => {
    const values = Array.from({ length: 300 }, (_, i) => (i >= 200 ? 'storniert' : `${i}.234,50`));
    const d = parsed(`Betrag;Nr\n${values.map((v, i) => `${v};${i}`).join('\n')}\n`);
    expect(getStrings(d, 'Betrag')[5]).toBe('5.234,50');
  });
});
