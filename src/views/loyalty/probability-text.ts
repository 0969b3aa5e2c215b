/**
 * Reading a probability as the user typed it: a number from 0 to 1 in the user's locale
 * ("0.6", or "0,6" in German), or a percentage with its sign ("60%" or "60 %"). Whether it is
 * in range is the engine's check (its message names the field); this only reads the text.
 */
import { readNumber } from '../../lib/i18n/read-number';

export type ReadProblem = 'empty' | 'notNumber';

export type ReadProbability = { ok: true; value: number } | { ok: false; problem: ReadProblem };

/**
 * @example readProbability('60 %', 'en-US') // { ok: true, value: 0.6 }
 * @example readProbability('0,8', 'de-DE') // { ok: true, value: 0.8 }
 */
export function readProbability(text: string, locale: string): ReadProbability {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: false, problem: 'empty' };
  const percent = /[%\uFF05\u066A]$/.test(trimmed);
  const body = percent ? trimmed.slice(0, -1) : trimmed;
  const value = readNumber(body, locale);
  if (value === null || !Number.isFinite(value)) return { ok: false, problem: 'notNumber' };
  return { ok: true, value: percent ? value / 100 : value };
}
