import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { detectDecimalMark, detectDelimiter, weighDecimalMark } from '../../../../src/core/data/detect-delimiter';

const readShared = (name: string): string => readFileSync(resolve(process.cwd(), '../shared/data', name), 'utf8');

describe('detectDelimiter', () => {
  it('finds commas', () => {
    expect(detectDelimiter('a,b,c\n1,2,3\n4,5,6\n')).toEqual({ delimiter: ',', confident: true });
  });

  it('prefers ";" over the decimal commas of a European export', () => {
    expect(detectDelimiter('a;b\n1,5;2,25\n3,0;4,1')).toEqual({ delimiter: ';', confident: true });
    expect(detectDelimiter('Kunde;Umsatz;Marge\nMüller;1.234,50;0,25\nSchmidt;99,90;0,10\n')).toEqual({
      delimiter: ';',
      confident: true,
    });
  });

  it('finds tabs and pipes', () => {
    expect(detectDelimiter('name\tvalue\tnote\nx\t1\ta, b\ny\t2\tc, d\n')).toEqual({ delimiter: '\t', confident: true });
    expect(detectDelimiter('id|name|amount\n1|Acme, Inc.|10.5\n2|Beta|7\n')).toEqual({ delimiter: '|', confident: true });
  });

  it('ignores delimiters and line breaks inside quoted fields', () => {
    const sample = 'id;comment;amount\n1;"says: a, b, c; and d";3\n2;"line one\nline two, with comma";4\n3;"he said ""hi, there""";5\n';
    expect(detectDelimiter(sample)).toEqual({ delimiter: ';', confident: true });
    const commas = 'id,comment\n1,"a;b;c"\n2,"x;y"\n3,"p\n;q;r"\n';
    expect(detectDelimiter(commas)).toEqual({ delimiter: ',', confident: true });
  });

  it('does not let a stray quote inside a field swallow the rest of the sample', () => {
    const sample = 'item;size;qty\nPipe 5" long;12;3\nPipe 8" long;14;1\nValve;2;7\n';
    expect(detectDelimiter(sample)).toEqual({ delimiter: ';', confident: true });
  });

  it('ignores the last line when the sample ends mid-record', () => {
    // The cut line has three commas where complete records have one semicolon.
    const sample = 'a;b\n1;2\n3;4\n5;6\n"x, y, z, ';
    expect(detectDelimiter(sample)).toEqual({ delimiter: ';', confident: true });
    // Counted, the cut line would make '|' fit only 2 of 3 lines and cost the confidence.
    expect(detectDelimiter('a|b\n1|2\nx;y;z;w;v;u;t')).toEqual({ delimiter: '|', confident: true });
  });

  it('handles CRLF and lone CR line ends', () => {
    expect(detectDelimiter('a;b;c\r\n1;2;3\r\n4;5;6\r\n')).toEqual({ delimiter: ';', confident: true });
    expect(detectDelimiter('a\tb\r1\t2\r3\t4\r')).toEqual({ delimiter: '\t', confident: true });
  });

  it('reads a header-only sample, with or without a final line break', () => {
    expect(detectDelimiter('customer;region;revenue')).toEqual({ delimiter: ';', confident: true });
    expect(detectDelimiter('customer,region,revenue\n')).toEqual({ delimiter: ',', confident: true });
  });

  it('falls back to "," without confidence for a single column or an empty sample', () => {
    expect(detectDelimiter('revenue\n12\n15\n')).toEqual({ delimiter: ',', confident: false });
    expect(detectDelimiter('revenue')).toEqual({ delimiter: ',', confident: false });
    expect(detectDelimiter('')).toEqual({ delimiter: ',', confident: false });
    expect(detectDelimiter('\n\n')).toEqual({ delimiter: ',', confident: false });
  });

  it('skips blank lines', () => {
    expect(detectDelimiter('a;b\n\n1;2\n\n3;4\n')).toEqual({ delimiter: ';', confident: true });
  });

  it('is not confident when two candidates fit equally well', () => {
    // Every line holds one ',' and one ';': the tie goes to ';' but the UI should ask.
    expect(detectDelimiter('price,eur;qty\n1,5;2\n2,5;3\n')).toEqual({ delimiter: ';', confident: false });
  });

  it('uses the most consistent candidate when the other varies', () => {
    // Commas in unquoted prose vary per line; tabs do not.
    const sample = 'id\ttext\n1\thello, world\n2\tone, two, three\n3\tplain\n';
    expect(detectDelimiter(sample)).toEqual({ delimiter: '\t', confident: true });
  });

  it('copes with a title line above the header', () => {
    const sample = 'Sales report 2024\nregion;q1;q2\nNorth;1;2\nSouth;3;4\n';
    expect(detectDelimiter(sample).delimiter).toBe(';');
  });

  it("honours Excel's sep= hint line", () => {
    expect(detectDelimiter('sep=;\na,b;c\n1,5;2\n')).toEqual({ delimiter: ';', confident: true });
    expect(detectDelimiter('SEP=|\na|b\n')).toEqual({ delimiter: '|', confident: true });
  });

  it('looks at about 50 records only', () => {
    const head = 'a;b\n' + '1;2\n'.repeat(60);
    const tail = 'x,y,z,w\n'.repeat(200);
    expect(detectDelimiter(head + tail)).toEqual({ delimiter: ';', confident: true });
  });

  it('detects the real sample files', () => {
    expect(detectDelimiter(readShared('telco-churn-messy.csv').slice(0, 65536))).toEqual({
      delimiter: ',',
      confident: true,
    });
    expect(detectDelimiter(readShared('air-passengers.csv'))).toEqual({ delimiter: ',', confident: true });
  });
});

describe('detectDecimalMark', () => {
  it('is always "." when the delimiter is ","', () => {
    expect(detectDecimalMark('a,b\n"1,5","2,5"\n', ',')).toBe('.');
  });

  it('finds comma decimals in a ";" file', () => {
    expect(detectDecimalMark('a;b\n1,5;2,25\n3,0;4,1\n', ';')).toBe(',');
    expect(detectDecimalMark('x;y\n-0,25;1.234,56\n12,5;7\n', ';')).toBe(',');
    expect(detectDecimalMark('x\ty\n"12,5"\t3\n', '\t')).toBe(',');
  });

  it('finds dot decimals in a ";" or tab file', () => {
    expect(detectDecimalMark('a;b\n1.5;2.25\n3.0;4.1\n', ';')).toBe('.');
    expect(detectDecimalMark('a\tb\n1,234.5\t2\n', '\t')).toBe('.');
  });

  it('lets the majority decide', () => {
    expect(detectDecimalMark('a;b\n1,5;2,5\n3,5;4.5\n', ';')).toBe(',');
    expect(detectDecimalMark('a;b\n1.5;2.5\n3.5;4,5\n', ';')).toBe('.');
  });

  it('ignores integers, dates, text and missing cells', () => {
    expect(detectDecimalMark('d;n;t\n15.03.2024;12;hello, world\n2024-03-15;NA;x\n', ';')).toBe('.');
  });

  it('breaks a tie in a semicolon file towards the comma: 12.500 and 1.250 are thousands', () => {
    expect(detectDecimalMark('a;b\n12,500;3\n1,250;4\n', ';')).toBe(',');
    expect(detectDecimalMark('a;b\n12.500;3\n1.250;4\n', ';')).toBe(',');
    expect(weighDecimalMark('a;b\n12.500;3\n1.250;4\n', ';')).toEqual({ decimal: ',', decided: false });
  });

  it('breaks a tie in other files by the mark the cells show, and says it was not decided', () => {
    expect(weighDecimalMark('a\tb\n12,500\t3\n1,250\t4\n', '\t')).toEqual({ decimal: ',', decided: false });
    expect(weighDecimalMark('a\tb\n12.500\t3\n1.250\t4\n', '\t')).toEqual({ decimal: '.', decided: false });
    expect(weighDecimalMark('a;b\n1,5;3\n', ';')).toEqual({ decimal: ',', decided: true });
  });

  it('ignores the last incomplete record and reads quoted fields', () => {
    expect(detectDecimalMark('a;b\n"1,5";2\n3.5', ';')).toBe(',');
    expect(detectDecimalMark('a;b\n"note; with ""1.5""";2,5\n', ';')).toBe(',');
  });

  it('returns "." for an empty or header-only sample', () => {
    expect(detectDecimalMark('', ';')).toBe('.');
    expect(detectDecimalMark('a;b;c\n', ';')).toBe('.');
  });
});
