/**
 * Guesses of the columns the pricing screen reads: price and quantity (demand), a segment to
 * fit one at a time, and the four Van Westendorp answers. Names are read as words, so
 * "list_price", "List price" and "ListPrice" all hold "price".
 */
import { columnWords as wordsOf } from '../../core/data/column-words';
import type { Column } from '../../core/data/dataset';
import { packedCount, unpackStrings } from '../../core/data/packed-strings';
import type { VanWestendorpColumns } from '../../core/pricing/van-westendorp-dataset';

/** Columns with more distinct values than this are not offered as filters. */
export const MAX_FILTER_VALUES = 200;

const PRICE_WORDS = ['price', 'prices', 'pricing', 'fee', 'tariff', 'rate', 'prix', 'preis', 'precio'];
const QUANTITY_WORDS = ['quantity', 'qty', 'units', 'unit', 'sold', 'sales', 'volume', 'licences', 'licenses', 'seats', 'demand', 'orders', 'count'];
const SEGMENT_WORDS = ['segment', 'product', 'plan', 'tier', 'region', 'market', 'group', 'edition'];

export function isNumberColumn(column: Pick<Column, 'type'>): boolean {
  return column.type === 'number' || column.type === 'integer';
}

/** Category-like columns with few enough values to filter on. */
export function filterColumnsOf(columns: readonly Column[]): Column[] {
  return columns.filter((c) => c.storage.kind === 'dictionary' && packedCount(c.storage.dictionary) <= MAX_FILTER_VALUES && c.type !== 'id');
}

/** The values of a filter column, in the order they first appear. */
export function valuesOf(column: Column | undefined): string[] {
  if (!column || column.storage.kind !== 'dictionary') return [];
  return unpackStrings(column.storage.dictionary);
}

export interface DemandGuess {
  price: string;
  quantity: string;
  filterColumn: string;
  filterValue: string;
}

/**
 * Price: the first number column with a price word in its name; quantity: the first other
 * with a quantity word, else the first other number column. A segment-like column is chosen
 * as the filter, on its first value: segments pooled mix different demand curves.
 */
export function guessDemandColumns(columns: readonly Column[]): DemandGuess {
  const numeric = columns.filter(isNumberColumn);
  const named = (words: readonly string[], except: string) => numeric.find((c) => c.name !== except && wordsOf(c.name).some((w) => words.includes(w)));
  const price = named(PRICE_WORDS, '')?.name ?? '';
  const quantity = (named(QUANTITY_WORDS, price) ?? numeric.find((c) => c.name !== price && !wordsOf(c.name).includes('id')))?.name ?? '';
  const segment = filterColumnsOf(columns).find((c) => wordsOf(c.name).some((w) => SEGMENT_WORDS.includes(w)));
  const values = valuesOf(segment);
  return { price, quantity, filterColumn: segment && values.length > 1 ? segment.name : '', filterValue: segment && values.length > 1 ? values[0] : '' };
}

/**
 * The four answer columns of a Van Westendorp survey: "too cheap" (or "too low"), "cheap"
 * (or "bargain"), "expensive" (or "getting expensive"), "too expensive" (or "too high").
 * Empty names for those not found.
 */
export function guessSurveyColumns(columns: readonly Column[]): VanWestendorpColumns {
  const numeric = columns.filter(isNumberColumn).map((c) => ({ name: c.name, words: wordsOf(c.name) }));
  const find = (test: (words: string[]) => boolean) => numeric.find((c) => test(c.words))?.name ?? '';
  const too = (w: string[]) => w.includes('too');
  return {
    tooCheap: find((w) => too(w) && (w.includes('cheap') || w.includes('low'))),
    cheap: find((w) => !too(w) && (w.includes('cheap') || w.includes('bargain'))),
    expensive: find((w) => !too(w) && w.includes('expensive')),
    tooExpensive: find((w) => too(w) && (w.includes('expensive') || w.includes('high'))),
  };
}

/** True when all four answer columns were found: the data set reads as a survey. */
export function looksLikeSurvey(columns: readonly Column[]): boolean {
  return Object.values(guessSurveyColumns(columns)).every((name) => name !== '');
}
