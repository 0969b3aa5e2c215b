/**
 * The churn screen's settings as typed by the user, checked and turned into the engine's
 * options. Problems name the field and a message key, so the form can show each next to
 * its control.
 */
import type { ColumnFlag } from '../../core/churn/column-flags';
import type { DerivedFeature } from '../../core/churn/features';
import type { ChurnOptions } from '../../core/churn/train-churn-model';
import type { MessageKey } from '../i18n/messages.en';

export const MAX_TREES = 500;
export const MIN_TEST_SHARE = 0.05;
export const MAX_TEST_SHARE = 0.5;
/** Seeds are whole numbers that fit 32 bits (the engine's generator takes 0..2^32−1). */
export const MAX_SEED = 4_294_967_295;
export const MIN_FOLDS = 2;
export const MAX_FOLDS = 10;

/** A derived feature as the form holds it (columns may still be unchosen: ''). */
export interface DerivedDraft {
  name: string;
  left: string;
  operation: 'product' | 'ratio';
  right: string;
}

export interface ChurnSettings {
  /** undefined when the field is empty (as a bound number input leaves it). */
  trees: number | undefined;
  seed: number | undefined;
  testShare: number | undefined;
  balanced: boolean;
  fill: 'mean' | 'median';
  derived: DerivedDraft[];
  /** Also run stratified k-fold cross-validation after training (it multiplies the time). */
  crossValidate: boolean;
  /** The k of the cross-validation; only checked when `crossValidate` is on. */
  folds: number | undefined;
}

export const DEFAULT_SETTINGS: ChurnSettings = {
  trees: 100,
  seed: 42,
  testShare: 0.2,
  balanced: false,
  fill: 'mean',
  derived: [],
  crossValidate: false,
  folds: 5,
};

export interface SettingsProblem {
  field: 'trees' | 'seed' | 'testShare' | 'folds' | 'derived';
  /** For a derived feature: its position in the list. */
  index?: number;
  message: MessageKey;
}

export type SettingsOptions = Required<Pick<ChurnOptions, 'trees' | 'seed' | 'testFraction' | 'classWeight' | 'fill' | 'derived'>>;

export type CheckedSettings =
  | {
      ok: true;
      options: SettingsOptions;
      /** The folds of the cross-validation to run after training, or null for none. */
      folds: number | null;
    }
  | { ok: false; problems: SettingsProblem[] };

const isWhole = (v: number | undefined, min: number, max: number): v is number => v !== undefined && Number.isInteger(v) && v >= min && v <= max;

/**
 * Checks the settings: trees a whole number 1..500, seed a whole number 0..2^32−1, test
 * share 0.05..0.5, folds a whole number 2..10 when cross-validation is on, and each
 * derived feature with a name (not a column's, not another derived feature's) and both
 * columns chosen.
 * @param columnNames the data set's column names (a derived feature may not reuse one)
 */
export function checkChurnSettings(settings: ChurnSettings, columnNames: readonly string[]): CheckedSettings {
  const problems: SettingsProblem[] = [];
  if (!isWhole(settings.trees, 1, MAX_TREES)) problems.push({ field: 'trees', message: 'churn.settings.treesInvalid' });
  if (!isWhole(settings.seed, 0, MAX_SEED)) problems.push({ field: 'seed', message: 'churn.settings.seedInvalid' });
  const share = settings.testShare;
  if (share === undefined || !(share >= MIN_TEST_SHARE && share <= MAX_TEST_SHARE)) problems.push({ field: 'testShare', message: 'churn.settings.testShareInvalid' });
  if (settings.crossValidate && !isWhole(settings.folds, MIN_FOLDS, MAX_FOLDS)) problems.push({ field: 'folds', message: 'churn.settings.foldsInvalid' });
  const taken = new Set(columnNames);
  const derived: DerivedFeature[] = [];
  settings.derived.forEach((d, index) => {
    const name = d.name.trim();
    if (name === '') problems.push({ field: 'derived', index, message: 'churn.derived.nameMissing' });
    else if (taken.has(name)) problems.push({ field: 'derived', index, message: 'churn.derived.nameTaken' });
    if (d.left === '' || d.right === '') problems.push({ field: 'derived', index, message: 'churn.derived.columnsMissing' });
    taken.add(name);
    derived.push({ name, left: d.left, right: d.right, operation: d.operation });
  });
  if (problems.length > 0) return { ok: false, problems };
  return {
    ok: true,
    options: {
      trees: settings.trees!,
      seed: settings.seed!,
      testFraction: share!,
      classWeight: settings.balanced ? 'balanced' : null,
      fill: settings.fill,
      derived,
    },
    folds: settings.crossValidate ? settings.folds! : null,
  };
}

/** Whether a column is ticked: the user's choice, else ticked unless the engine flagged it. */
export function isTicked(column: string, flags: readonly ColumnFlag[], choices: Readonly<Record<string, boolean>>): boolean {
  return choices[column] ?? !flags.some((f) => f.column === column);
}

/**
 * The engine's include and exclude lists for the ticked columns: flagged columns the user
 * ticked are included, ordinary columns the user unticked are excluded.
 * @param columns the candidate feature columns (every column but the target)
 */
export function columnSelection(
  columns: readonly string[],
  flags: readonly ColumnFlag[],
  choices: Readonly<Record<string, boolean>>,
): { include: string[]; exclude: string[] } {
  const flagged = new Set(flags.map((f) => f.column));
  const include: string[] = [];
  const exclude: string[] = [];
  for (const column of columns) {
    const ticked = isTicked(column, flags, choices);
    if (flagged.has(column) && ticked) include.push(column);
    if (!flagged.has(column) && !ticked) exclude.push(column);
  }
  return { include, exclude };
}
