/**
 * Finding the learned level of a raw value: the category it is, or the quantile bin it
 * falls in, so a customer's data can be turned into evidence for posteriorFor.
 */
import { datesOf } from '../data/infer-type';
import { isMissingToken, parseNumberCell } from '../data/parse-number';
import { fail, ok, type Result } from '../shared/result';
import { binIndex } from './quantile-bins';
import { MISSING_LEVEL_KEY, type EvidenceColumn, type EvidenceLevel, type LearnedBayes } from './learned-bayes';

/**
 * The level a raw value belongs to in a learned evidence column. Categories match exactly,
 * else ignoring case and surrounding spaces; numbers and dates (a number, or text read with
 * the data set's rules; dates as ms since the epoch or as text) go to their quantile bin, and
 * values beyond the range seen go to the first or last bin; in a number column learned value
 * by value (few distinct values) the number must be one of them. Missing values (null,
 * empty, NaN, NA) go to the missing level.
 * @returns the level, or EVIDENCE_COLUMN_UNKNOWN, LEVEL_NOT_SEEN, VALUE_NOT_READABLE
 * @example levelOf(learned, 'tenure', 30).value.label // '(24, 48]'
 */
export function levelOf(learned: LearnedBayes, column: string, rawValue: string | number | null | undefined): Result<EvidenceLevel> {
  const evidence = evidenceColumn(learned, column);
  if (!evidence) return unknownColumn(column);
  if (isMissing(rawValue)) return levelByKey(evidence, MISSING_LEVEL_KEY, 'missing');
  if (evidence.kind === 'category') {
    const text = String(rawValue);
    const exact = evidence.levels.find((l) => l.kind === 'value' && l.key === text);
    if (exact) return ok(exact);
    const folded = text.trim().toLowerCase();
    const loose = evidence.levels.filter((l) => l.kind === 'value' && l.key.trim().toLowerCase() === folded);
    if (loose.length === 1) return ok(loose[0]);
    return notSeen(column, text);
  }
  const value = readValue(evidence.kind, rawValue!, learned);
  if (value !== value) {
    return fail('VALUE_NOT_READABLE', `"${rawValue}" is not a ${evidence.kind} and "${column}" holds ${evidence.kind}s; enter a ${evidence.kind}.`, {
      column,
      value: String(rawValue),
      kind: evidence.kind,
    });
  }
  if (evidence.edges.length === 0) {
    const same = evidence.levels.find((l) => l.kind === 'value' && l.value === value);
    return same ? ok(same) : notSeen(column, String(rawValue));
  }
  const bins = evidence.levels.filter((l) => l.kind === 'bin');
  return ok(bins[binIndex(value, evidence.edges)]);
}

/** The evidence column of a learned model by name. */
export function evidenceColumn(learned: LearnedBayes, column: string): EvidenceColumn | undefined {
  return learned.evidence.find((e) => e.column === column);
}

/** A level by its key, or LEVEL_NOT_SEEN naming the value the user gave. */
export function levelByKey(evidence: EvidenceColumn, key: string, shown = key): Result<EvidenceLevel> {
  const level = evidence.levels.find((l) => l.key === key);
  return level ? ok(level) : notSeen(evidence.column, shown);
}

export function unknownColumn(column: string): Result<never> {
  return fail('EVIDENCE_COLUMN_UNKNOWN', `"${column}" is not one of the evidence columns that were learned; learn again with it, or leave it out.`, { column });
}

function notSeen(column: string, value: string): Result<never> {
  return fail('LEVEL_NOT_SEEN', `The value "${value}" never occurs in "${column}" in the data, so there is nothing learned about it; pick one of the values listed.`, {
    column,
    value,
  });
}

function isMissing(raw: string | number | null | undefined): boolean {
  if (raw === null || raw === undefined) return true;
  if (typeof raw === 'number') return raw !== raw;
  return raw.trim() === '' || isMissingToken(raw);
}

function readValue(kind: 'number' | 'date', raw: string | number, learned: LearnedBayes): number {
  if (typeof raw === 'number') return raw;
  if (kind === 'number') return parseNumberCell(raw, learned.reading.decimal);
  return datesOf([raw.trim()], learned.reading.dateOrder ?? 'dmy').values[0];
}
