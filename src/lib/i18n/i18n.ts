/**
 * Translation and locale formatting. Views never write user-facing text inline: they call
 * t() with a key of the one dictionary, and format numbers and dates with the user's locale.
 */
import { en, type MessageKey } from './messages.en';

type Params = Record<string, string | number | undefined>;

const dictionaries: Record<string, Partial<Record<MessageKey, string>>> = { en };

function userLocale(): string {
  return typeof navigator !== 'undefined' && navigator.language ? navigator.language : 'en';
}

let locale = userLocale();

/** The locale used for numbers and dates (the browser's). */
export function currentLocale(): string {
  return locale;
}

/** Changes the formatting locale (tests and a future language picker). */
export function setLocale(next: string): void {
  locale = next;
  numberFormats.clear();
}

/** True when the dictionary has this key (issue codes are looked up this way). */
export function hasMessage(key: string): key is MessageKey {
  return Object.hasOwn(en, key);
}

/**
 * Looks up a message and fills its {placeholders}; numbers are formatted for the locale.
 * @example t('data.import.done', { rows: 7043, columns: 20, name: 'telco.csv' })
 */
export function t(key: MessageKey, params: Params = {}): string {
  const language = locale.split('-')[0];
  const template = dictionaries[language]?.[key] ?? en[key];
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    if (value === undefined) return whole;
    return typeof value === 'number' ? formatNumber(value) : value;
  });
}

const numberFormats = new Map<string, Intl.NumberFormat>();

function numberFormat(options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = JSON.stringify(options);
  let format = numberFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale, options);
    numberFormats.set(key, format);
  }
  return format;
}

/**
 * A number for people: grouping and decimal mark of the locale; up to `digits` decimals,
 * and at least `minimumDigits` (for columns of figures that should line up).
 */
export function formatNumber(value: number, digits = 2, minimumDigits = 0): string {
  if (!Number.isFinite(value)) return String(value);
  return numberFormat({ minimumFractionDigits: Math.min(minimumDigits, digits), maximumFractionDigits: digits }).format(value);
}

/**
 * A share (0.25) as a percentage ("25%") in the locale; up to `digits` decimals, and at
 * least `minimumDigits` (for figures that are read together, such as "78.9% ± 1.0%").
 */
export function formatPercent(share: number, digits = 1, minimumDigits = 0): string {
  if (!Number.isFinite(share)) return String(share);
  return numberFormat({ style: 'percent', minimumFractionDigits: Math.min(minimumDigits, digits), maximumFractionDigits: digits }).format(share);
}

/** Bytes as kB, MB or GB, in the locale. */
export function formatBytes(bytes: number): string {
  const units = ['byte', 'kilobyte', 'megabyte', 'gigabyte'] as const;
  let value = bytes;
  let unit = 0;
  // Move up a unit when the shown figure would round to 1,000 (999,950 bytes is 1 MB).
  while (unit < units.length - 1 && Math.round(value * (unit === 0 ? 1 : 10)) / (unit === 0 ? 1 : 10) >= 1000) {
    value /= 1000;
    unit++;
  }
  return numberFormat({ style: 'unit', unit: units[unit], unitDisplay: 'short', maximumFractionDigits: unit === 0 ? 0 : 1 }).format(value);
}

/** A date (ms since epoch, UTC) in the locale; with time when it is not midnight. */
export function formatDate(ms: number): string {
  if (!Number.isFinite(ms)) return '';
  const date = new Date(ms);
  const hasTime = date.getUTCHours() !== 0 || date.getUTCMinutes() !== 0 || date.getUTCSeconds() !== 0;
  return new Intl.DateTimeFormat(locale, {
    dateStyle: 'medium',
    timeStyle: hasTime ? 'short' : undefined,
    timeZone: 'UTC',
  }).format(date);
}

/** A moment (ISO string) in the user's own time zone, for "saved at". */
export function formatDateTime(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(date);
}
