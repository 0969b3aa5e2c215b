/**
 * Reads a number a person typed into a form: the locale's decimal mark and grouping
 * ("1.234,5" in German, "1,234.5" in English), a plain "1234.5" everywhere, spaces or
 * apostrophes as grouping, the Unicode minus, and ∞ / inf for an unlimited bound.
 * Returns null for anything else, so the form can say which cell is wrong.
 */
export function readNumber(text: string, locale: string): number | null {
  const trimmed = text.trim().replace(/\u2212/g, '-');
  if (trimmed === '') return null;
  const infinite = /^([+-]?)(∞|inf|infinity)$/i.exec(trimmed);
  if (infinite) return infinite[1] === '-' ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY;
  const decimal = decimalMark(locale);
  const group = decimal === ',' ? '.' : ',';
  let body = trimmed.replace(/[\s\u00a0\u202f']/g, '');
  // A number written with the other convention's decimal mark and no grouping ("0.5" in a
  // comma locale) is still read: a single mark followed by other than three digits.
  const single = new RegExp(`^[+-]?\\d*\\${group}\\d+$`);
  if (single.test(body) && !/\d{3}$/.test(body.split(group)[1] ?? '')) body = body.replace(group, decimal);
  else body = body.split(group).join('');
  if (decimal === ',') body = body.replace(',', '.');
  if (!/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(body)) return null;
  const value = Number(body);
  return Number.isFinite(value) ? value : null;
}

const marks = new Map<string, string>();

function decimalMark(locale: string): string {
  let mark = marks.get(locale);
  if (!mark) {
    mark = new Intl.NumberFormat(locale).formatToParts(1.5).find((p) => p.type === 'decimal')?.value ?? '.';
    marks.set(locale, mark);
  }
  return mark;
}
