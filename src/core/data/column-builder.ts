/**
 * Grows one column while rows stream in. A column starts in the storage that its first
 * rows suggest (numbers or dictionary-encoded strings) and falls back to strings if
 * too many later cells are not numbers, so a 100 MB file is typed in one pass without
 * keeping every cell as a JavaScript string.
 */
import { isMissingToken, parseNumberCell } from './parse-number';
import { packStrings, unpackStrings, type PackedStrings } from './packed-strings';

/**
 * A builder's content as plain data, to hand a part of a file parsed in one worker to
 * another (typed arrays transfer; the dictionary travels packed).
 */
export interface ColumnState {
  name: string;
  mode: 'numeric' | 'dictionary';
  length: number;
  values: Float64Array;
  codes: Int32Array;
  dictionary: PackedStrings;
  counts: Int32Array;
  rejectedRows: Int32Array;
  rejectedRaw: string[];
  formattedRows: Int32Array;
  formattedRaw: string[];
}

const MIN_CAPACITY = 1024;
/** Up to this many distinct values, lookups scan the list instead of hashing. */
const SMALL_DICTIONARY = 8;
/** A numeric column gives up on numbers when more than this share of its cells are not numbers. */
export const MAX_REJECTED_SHARE = 0.05;
/** ...but never before it has seen this many cells, so a few early oddities do not decide. */
const REJECTION_GRACE = 200;

export class ColumnBuilder {
  readonly name: string;
  length = 0;
  mode: 'numeric' | 'dictionary';
  values: Float64Array;
  codes: Int32Array;
  dictionary: string[] = [];
  /** Rows per dictionary entry, so inference can weigh values without rescanning. */
  counts: number[] = [];
  rejectedRows: number[] = [];
  rejectedRaw: string[] = [];
  /**
   * Numbers whose text is not what printing the number gives back ('1,234.50', '+49151…',
   * '70.70'): kept so that a column that turns out to be text shows them as written.
   */
  formattedRows: number[] = [];
  formattedRaw: string[] = [];
  /** Value → code; built on first use, so a builder that only hands its rows on never needs it. */
  private lookup: Map<string, number> | null = new Map();
  private readonly decimal: '.' | ',';

  constructor(name: string, mode: 'numeric' | 'dictionary', decimal: '.' | ',', capacity: number) {
    this.name = name;
    this.mode = mode;
    this.decimal = decimal;
    const size = Math.max(MIN_CAPACITY, capacity);
    this.values = mode === 'numeric' ? new Float64Array(size) : new Float64Array(0);
    this.codes = mode === 'dictionary' ? new Int32Array(size) : new Int32Array(0);
  }

  push(raw: string | undefined): void {
    if (this.mode === 'numeric') this.pushNumeric(raw);
    else this.pushString(raw);
  }

  private pushNumeric(raw: string | undefined): void {
    if (this.length === this.values.length) this.values = grow(this.values);
    const row = this.length++;
    if (raw === undefined || isMissingToken(raw)) {
      this.values[row] = NaN;
      return;
    }
    const value = parseNumberCell(raw, this.decimal);
    this.values[row] = value;
    if (value === value) {
      if (!isCanonicalNumberText(raw, this.decimal)) {
        this.formattedRows.push(row);
        this.formattedRaw.push(raw);
      }
    } else {
      this.rejectedRows.push(row);
      this.rejectedRaw.push(raw);
      if (this.rejectedRows.length > REJECTION_GRACE && this.rejectedRows.length > this.length * MAX_REJECTED_SHARE) {
        this.convertToDictionary();
      }
    }
  }

  private pushString(raw: string | undefined): void {
    if (this.length === this.codes.length) this.codes = grow(this.codes);
    this.codes[this.length++] = raw === undefined || isMissingToken(raw) ? -1 : this.codeOf(trimmed(raw));
  }

  private codeOf(value: string): number {
    // Comparing a few short strings beats hashing a fresh one: most category columns
    // (yes/no, regions, plans) have only a handful of values.
    const small = this.dictionary.length <= SMALL_DICTIONARY;
    if (small) {
      for (let code = 0; code < this.dictionary.length; code++) {
        if (this.dictionary[code] === value) {
          this.counts[code]++;
          return code;
        }
      }
    }
    let code = small ? undefined : this.index().get(value);
    if (code === undefined) {
      code = this.dictionary.length;
      this.index().set(value, code);
      this.dictionary.push(value);
      this.counts.push(1);
    } else {
      this.counts[code]++;
    }
    return code;
  }

  /**
   * Turns the numbers seen so far back into text; rejected cells keep their exact raw text.
   * Numbers that came formatted (thousands separators, %, currency) come back plain.
   */
  convertToDictionary(): void {
    if (this.mode === 'dictionary') return;
    const n = this.length;
    const rejected = new Map<number, string>();
    for (let i = 0; i < this.rejectedRows.length; i++) rejected.set(this.rejectedRows[i], this.rejectedRaw[i]);
    for (let i = 0; i < this.formattedRows.length; i++) rejected.set(this.formattedRows[i], this.formattedRaw[i]);
    this.mode = 'dictionary';
    this.codes = new Int32Array(Math.max(MIN_CAPACITY, this.values.length));
    for (let row = 0; row < n; row++) {
      const value = this.values[row];
      const raw = rejected.get(row);
      this.codes[row] = raw !== undefined ? this.codeOf(trimmed(raw)) : value === value ? this.codeOf(numberText(value, this.decimal)) : -1;
    }
    this.values = new Float64Array(0);
    this.rejectedRows = [];
    this.rejectedRaw = [];
    this.formattedRows = [];
    this.formattedRaw = [];
  }

  private index(): Map<string, number> {
    this.lookup ??= new Map(this.dictionary.map((value, code) => [value, code]));
    return this.lookup;
  }

  /** No value at all: every cell missing. */
  isEmpty(): boolean {
    if (this.mode === 'dictionary') return this.counts.every((count) => count === 0);
    if (this.rejectedRows.length > 0) return false;
    for (let i = 0; i < this.length; i++) if (this.values[i] === this.values[i]) return false;
    return true;
  }

  /** The content as plain data (see ColumnState). */
  exportState(): ColumnState {
    return {
      name: this.name,
      mode: this.mode,
      length: this.length,
      values: this.mode === 'numeric' ? this.takeValues() : new Float64Array(0),
      codes: this.mode === 'dictionary' ? this.takeCodes() : new Int32Array(0),
      dictionary: packStrings(this.dictionary),
      counts: Int32Array.from(this.counts),
      rejectedRows: Int32Array.from(this.rejectedRows),
      rejectedRaw: this.rejectedRaw.slice(),
      formattedRows: Int32Array.from(this.formattedRows),
      formattedRaw: this.formattedRaw.slice(),
    };
  }

  /** A builder holding a state, e.g. the second half of a file parsed elsewhere. */
  static fromState(state: ColumnState, decimal: '.' | ','): ColumnBuilder {
    const builder = new ColumnBuilder(state.name, state.mode, decimal, 0);
    builder.length = state.length;
    if (state.mode === 'numeric') builder.values = state.values;
    else builder.codes = state.codes;
    builder.dictionary = unpackStrings(state.dictionary);
    builder.counts = Array.from(state.counts);
    builder.lookup = null;
    builder.rejectedRows = Array.from(state.rejectedRows);
    builder.rejectedRaw = state.rejectedRaw.slice();
    builder.formattedRows = Array.from(state.formattedRows);
    builder.formattedRaw = state.formattedRaw.slice();
    return builder;
  }

  /** Appends the rows of another builder of the same column (the next part of the file). */
  append(other: ColumnBuilder): void {
    if (this.mode !== other.mode) {
      this.convertToDictionary();
      other.convertToDictionary();
    }
    const offset = this.length;
    const total = offset + other.length;
    if (this.mode === 'numeric') {
      if (this.values.length < total) this.values = resized(this.values, total);
      this.values.set(other.values.subarray(0, other.length), offset);
      for (let i = 0; i < other.rejectedRows.length; i++) {
        this.rejectedRows.push(other.rejectedRows[i] + offset);
        this.rejectedRaw.push(other.rejectedRaw[i]);
      }
      for (let i = 0; i < other.formattedRows.length; i++) {
        this.formattedRows.push(other.formattedRows[i] + offset);
        this.formattedRaw.push(other.formattedRaw[i]);
      }
    } else {
      if (this.codes.length < total) this.codes = resized(this.codes, total);
      const remap = other.dictionary.map((value, code) => this.codeFor(value, other.counts[code]));
      for (let row = 0; row < other.length; row++) {
        const code = other.codes[row];
        this.codes[offset + row] = code < 0 ? -1 : remap[code];
      }
    }
    this.length = total;
  }

  /** The code of a value, adding it (with `count` rows) when new. */
  private codeFor(value: string, count: number): number {
    let code = this.index().get(value);
    if (code === undefined) {
      code = this.dictionary.length;
      this.index().set(value, code);
      this.dictionary.push(value);
      this.counts.push(count);
    } else {
      this.counts[code] += count;
    }
    return code;
  }

  /** Drops rows from the end (footer lines found after the fact). */
  truncate(rowCount: number): void {
    if (rowCount >= this.length) return;
    if (this.mode === 'numeric') {
      while (this.rejectedRows.length > 0 && this.rejectedRows[this.rejectedRows.length - 1] >= rowCount) {
        this.rejectedRows.pop();
        this.rejectedRaw.pop();
      }
      while (this.formattedRows.length > 0 && this.formattedRows[this.formattedRows.length - 1] >= rowCount) {
        this.formattedRows.pop();
        this.formattedRaw.pop();
      }
    } else {
      for (let row = rowCount; row < this.length; row++) {
        const code = this.codes[row];
        if (code >= 0) this.counts[code]--;
      }
    }
    this.length = rowCount;
  }

  /** Removes dictionary entries no row uses any more (after truncation or conversion). */
  compactDictionary(): void {
    if (this.mode !== 'dictionary' || this.counts.every((c) => c > 0)) return;
    const remap = new Int32Array(this.dictionary.length).fill(-1);
    const dictionary: string[] = [];
    const counts: number[] = [];
    for (let code = 0; code < this.dictionary.length; code++) {
      if (this.counts[code] > 0) {
        remap[code] = dictionary.length;
        dictionary.push(this.dictionary[code]);
        counts.push(this.counts[code]);
      }
    }
    for (let row = 0; row < this.length; row++) {
      const code = this.codes[row];
      if (code >= 0) this.codes[row] = remap[code];
    }
    this.dictionary = dictionary;
    this.counts = counts;
    this.lookup = null;
  }

  /** The final arrays, cut to length (one copy per column, so peak memory stays near one column). */
  takeValues(): Float64Array {
    return this.values.length === this.length ? this.values : this.values.slice(0, this.length);
  }

  takeCodes(): Int32Array {
    return this.codes.length === this.length ? this.codes : this.codes.slice(0, this.length);
  }
}

/** A number as text in the file's decimal mark (what a plain cell holding it looks like). */
export function numberText(value: number, decimal: '.' | ','): string {
  const text = String(value);
  return decimal === ',' ? text.replace('.', ',') : text;
}

/**
 * Whether `raw` is exactly numberText(value) of the number it holds, judged from its
 * characters alone (this runs for every numeric cell, so it must not format numbers):
 * digits, at most a leading minus and one decimal mark, no trailing zero after the mark,
 * and nothing that printing would write otherwise (exponents, tiny fractions, -0).
 */
export function isCanonicalNumberText(raw: string, decimal: '.' | ','): boolean {
  const mark = decimal === ',' ? 44 : 46;
  const n = raw.length;
  let i = raw.charCodeAt(0) === 45 ? 1 : 0;
  if (i >= n) return false;
  let markAt = -1;
  for (let k = i; k < n; k++) {
    const c = raw.charCodeAt(k);
    if (c === mark && markAt < 0) markAt = k;
    else if (c < 48 || c > 57) return false;
  }
  if (markAt === i || markAt === n - 1) return false;
  if (markAt > 0) {
    if (raw.charCodeAt(n - 1) === 48) return false;
    // 0.000001 and smaller print with an exponent.
    if (raw.charCodeAt(i) === 48 && markAt === i + 1 && n - markAt > 6 && raw.startsWith('00000', markAt + 1)) return false;
  }
  if (i === 1 && n === 2 && raw.charCodeAt(1) === 48) return false;
  return true;
}

/** trim() without a call when, as usual, there is nothing to trim. */
function trimmed(raw: string): string {
  return raw.charCodeAt(0) > 32 && raw.charCodeAt(raw.length - 1) > 32 ? raw : raw.trim();
}

function grow<T extends Float64Array | Int32Array>(array: T): T {
  return resized(array, Math.ceil(array.length * 1.5) + MIN_CAPACITY);
}

function resized<T extends Float64Array | Int32Array>(array: T, size: number): T {
  const next = new (array.constructor as { new (n: number): T })(size);
  next.set(array.subarray(0, Math.min(array.length, size)));
  return next;
}
