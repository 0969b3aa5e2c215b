/**
 * The exponential smoothing models the forecast screen offers, as data: which trend and
 * season each has, which smoothing weights it uses, and how many values it needs. All are
 * the additive-error state-space models of Hyndman & Athanasopoulos, "Forecasting:
 * Principles and Practice" (FPP), ch. 8 — ETS(A,N,N), (A,A,N), (A,Ad,N), (A,A,A), (A,A,M)
 * and the damped seasonal ones — written in FPP's component form (as statsmodels'
 * ExponentialSmoothing is).
 */

/** A model id. `*-damped` Holt–Winters models damp the trend with φ as Holt damped does. */
export type ModelId =
  | 'ses'
  | 'holt'
  | 'holt-damped'
  | 'holt-winters-additive'
  | 'holt-winters-multiplicative'
  | 'holt-winters-additive-damped'
  | 'holt-winters-multiplicative-damped';

/** A smoothing weight: α level, β trend (FPP's β*), γ season, φ damping. */
export type ParamName = 'alpha' | 'beta' | 'gamma' | 'phi';

/** How a model's parts combine. */
export interface ModelSpec {
  id: ModelId;
  /** 'damped' multiplies the trend by φ each step. */
  trend: 'none' | 'additive' | 'damped';
  season: 'none' | 'additive' | 'multiplicative';
  /** Plain English name for messages and scripts (the UI has its own translated names). */
  name: string;
  /** The smoothing weights the model uses, in this order. */
  params: ParamName[];
}

const spec = (id: ModelId, trend: ModelSpec['trend'], season: ModelSpec['season'], name: string): ModelSpec => {
  const params: ParamName[] = ['alpha'];
  if (trend !== 'none') params.push('beta');
  if (season !== 'none') params.push('gamma');
  if (trend === 'damped') params.push('phi');
  return { id, trend, season, name, params };
};

/** Every model, simplest first (the order ties are broken in). */
export const MODELS: readonly ModelSpec[] = [
  spec('ses', 'none', 'none', 'simple exponential smoothing'),
  spec('holt', 'additive', 'none', "Holt's linear trend"),
  spec('holt-damped', 'damped', 'none', "Holt's damped trend"),
  spec('holt-winters-additive', 'additive', 'additive', 'Holt–Winters with an additive season'),
  spec('holt-winters-multiplicative', 'additive', 'multiplicative', 'Holt–Winters with a multiplicative season'),
  spec('holt-winters-additive-damped', 'damped', 'additive', 'Holt–Winters damped with an additive season'),
  spec('holt-winters-multiplicative-damped', 'damped', 'multiplicative', 'Holt–Winters damped with a multiplicative season'),
];

/** The spec of a model id, or undefined for an unknown id. */
export function modelSpec(id: string): ModelSpec | undefined {
  return MODELS.find((m) => m.id === id);
}

/** Whether the model has a season (and so needs a period ≥ 2). */
export const isSeasonal = (model: ModelSpec): boolean => model.season !== 'none';

/**
 * How the states at t = 0 are set.
 * - 'textbook' (simple exponential smoothing only, its default): ℓ_0 = X_1, so ŷ_1 = X_1,
 *   e_1 = 0 and S_1 = ℓ_1 = X_1 for any α — the recursion S_t = α X_t + (1 − α) S_(t−1) with
 *   S_1 = X_1 of the textbooks (and of exponentialSmoothing). Nothing but α is estimated.
 * - 'fitted': the states start at the heuristic of initial-states.ts and are fitted with the
 *   weights by minimising the one-step SSE. Holt and Holt–Winters always start this way
 *   (a textbook start of their trend and season is not offered), so for them the option
 *   changes nothing.
 */
export type InitialStart = 'textbook' | 'fitted';

/** The start a model uses: 'textbook' for simple exponential smoothing unless 'fitted' is asked for, else 'fitted'. */
export function initialStartOf(model: ModelSpec, requested?: InitialStart): InitialStart {
  return model.id === 'ses' && requested !== 'fitted' ? 'textbook' : 'fitted';
}

/**
 * Initial states a model estimates: level, trend, and m − 1 seasonal indices (the m-th
 * follows from the others, because the indices are normalised to sum 0 or average 1). The
 * textbook start estimates none: ℓ_0 is X_1.
 */
export function stateCount(model: ModelSpec, period: number, initial?: InitialStart): number {
  if (initialStartOf(model, initial) === 'textbook') return 0;
  return 1 + (model.trend === 'none' ? 0 : 1) + (isSeasonal(model) ? period - 1 : 0);
}

/**
 * k of the AICc: fitted weights + estimated initial states + 1 (the error variance). Fixed
 * weights (sliders) are not estimated and do not count, nor does the textbook start
 * ℓ_0 = X_1 (so textbook simple exponential smoothing has k = 2 with α fitted, 1 with α set).
 */
export function parameterCount(model: ModelSpec, period: number, fixed: ReadonlySet<ParamName> = new Set(), initial?: InitialStart): number {
  return model.params.filter((p) => !fixed.has(p)).length + stateCount(model, period, initial) + 1;
}

/**
 * The fewest values a model is fitted on.
 * - Simple exponential smoothing (either start): 2 with α set, 3 with α fitted — at least
 *   one one-step error must be left over after the estimated parameters for σ (textbook start:
 *   n − 1 errors, e_1 being 0 by construction, minus α when fitted; fitted start: n errors
 *   minus ℓ_0 and α). With 2 values and the textbook start the one error, X_2 − X_1, is the
 *   same whatever α is, so there is nothing to fit α to. The AICc is Infinity at these
 *   lengths (n ≤ k + 1); the forecast and its intervals are still made.
 * - The other models: enough for the AICc to exist (n ≥ k + 2 with every weight counted, so
 *   the limit does not move with the sliders), and for a season at least two full seasons,
 *   so each seasonal index is seen twice.
 * @param fixed the weights the user set (only simple exponential smoothing's limit depends on them)
 */
export function minimumLength(model: ModelSpec, period: number, fixed: ReadonlySet<ParamName> = new Set()): number {
  if (model.id === 'ses') return fixed.has('alpha') ? 2 : 3;
  const k = parameterCount(model, period, new Set(), 'fitted');
  return isSeasonal(model) ? Math.max(2 * period, k + 2) : k + 2;
}
