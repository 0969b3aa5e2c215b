/**
 * Fits one smoothing model: the weights the user did not fix and the states at t = 0,
 * chosen to minimise the sum of squared one-step errors (SSE).
 *
 * Bounds (FPP §8.1–8.3; the "usual" region of Hyndman et al. 2008 §5.4): 0 < α < 1,
 * 0 < β* < 1 (so the state-space β = αβ* stays below α), 0 < γ < 1 − α, 0.8 ≤ φ ≤ 0.98. The
 * optimiser works on coordinates in a fixed box — α, β*, γ* = γ/(1 − α), φ — so the coupled
 * bound on γ becomes a plain one (a fixed γ instead scales α into (0, 1 − γ)).
 *
 * Three estimations:
 * - 'refined' (default): (1) the weights, level and trend are fitted with the seasonal
 *   indices held at the classical decomposition (a grid of starting weights, the best few
 *   refined by bounded Levenberg–Marquardt); (2) with those weights, every initial state —
 *   level, trend and the m seasonal indices — is fitted; (3) weights and initial states are
 *   refined together, starting from step 2, with each weight coordinate (α, β*, γ*, φ) kept
 *   within ±TRUST_RADIUS of its step-1 value — a trust region in the weights, the states
 *   free. Step 3 is a local polish: the fit reaches the nearest stationary point when there
 *   is one inside the region (air passengers, 12 months held out: SSE 12,594.63, the local
 *   minimum statsmodels' joint fit stops in at 12,594.7) and otherwise stops at the region's
 *   edge (champagne, whose SSE keeps falling all the way to γ → 0), so the weights stay
 *   those of step 1, give or take TRUST_RADIUS. Its result is never worse than step 2's.
 * - 'two-step': steps 1 and 2 only. Why not fit everything at once: when the weights and
 *   the m − 1 free starting indices adapt together from the grid, the fit tends to γ → 0
 *   and the starting indices absorb the whole seasonal pattern. On the two reference series
 *   that lowered the training SSE by 22–29 % but raised the 12-month hold-out error at most
 *   origins (champagne, 7 origins: mean MAE 677 joint vs 617 two-step; air passengers 18.8
 *   vs 17.1) — a better fit of the past, a worse forecast.
 * - 'joint': weights and all states together from the grid starts — the smallest SSE this
 *   optimiser finds (what R's forecast::ets aims at).
 * Without a season all three are the same fit.
 *
 * Simple exponential smoothing starts by default the textbook way (models.ts, InitialStart):
 * ℓ_0 = X_1 is not fitted, only α is (or nothing, when α is set), so S_1 = X_1 for any α and
 * the levels are those of exponentialSmoothing. The one-step errors that exist are then
 * e_2 … e_n (e_1 = 0 by construction): the fit runs the recursion over X_2 … X_n from
 * ℓ_1 = X_1, which is also what makes S_1 = X_1 exact in floating point. With the 'fitted'
 * start, ℓ_0 is fitted with α as for the other models.
 *
 * Measured for step 3 (12 months held out at origins 12, 18, … 48 before the end, automatic
 * choice, mean MAE): champagne 617.2 two-step → 604.0 refined, air passengers 17.07 →
 * 17.69 (its local minimum forecasts a little worse at most origins). On 6,095 simulated
 * monthly series (ETS(M,A,M) and ETS(A,A,A), 48–132 values, α 0.1–0.6, β* 0.01–0.1, γ
 * 0.01–0.3, seeded) the 12-month hold-out MAE of the refined fit is 0.13 % ± 0.11 % lower
 * than the two-step fit's (geometric mean of the ratio, ± 2 standard errors; the joint
 * fit's is 0.45 % higher) and the training SSE 2.2 % lower. A radius of 0.1 gives much the same (air 17.92, champagne 604.0, simulated
 * −0.06 %); 0.02 is too small to reach air passengers' local minimum (SSE 12,604.5).
 */
import { heuristicStates, isConstant } from './initial-states';
import { initialStartOf, isSeasonal, parameterCount, type InitialStart, type ModelSpec, type ParamName } from './models';
import { minimizeLeastSquares, type LeastSquaresProblem } from './optimize';
import { errorsWithJacobian, jacobianLayout } from './recursion-jacobian';
import { runRecursion, sumOfSquaredErrors, type RecursionPath, type SmoothingParams, type States } from './recursions';

/** Weights the user fixed (sliders); the others are fitted. */
export type FixedParams = Partial<Record<ParamName, number>>;

/** How the weights and the initial states are estimated; see the module notes. */
export type Estimation = 'refined' | 'two-step' | 'joint';

/** A fitted model. */
export interface FittedModel {
  model: ModelSpec;
  params: SmoothingParams;
  states: States;
  sse: number;
  /** k of the AICc: fitted weights + estimated initial states + 1. */
  k: number;
  aicc: number;
  estimation: Estimation;
  /** How the states at t = 0 were set: 'textbook' (simple exponential smoothing: ℓ_0 = X_1) or 'fitted'. */
  initial: InitialStart;
  /**
   * Degrees of freedom of σ²: the one-step errors that exist (n, or n − 1 with the textbook
   * start, whose e_1 is 0 by construction) minus the estimated weights and states (k − 1).
   * At least 1 on the lengths minimumLength allows.
   */
  degreesOfFreedom: number;
  /** Whether the seasonal indices were fitted (false: kept at the decomposition, for seasons longer than MAX_FITTED_SEASON). */
  seasonStatesFitted: boolean;
  /** Weights that were fitted (the rest were fixed). */
  fittedParams: ParamName[];
  /** Optimiser effort: grid points tried, refined starts, iterations and evaluations. */
  starts: number;
  iterations: number;
  evaluations: number;
}

/** How far inside (0, 1) the fitted weights stay (the bounds are open). */
export const WEIGHT_MARGIN = 1e-6;
/** The damping range of Hyndman et al. (2008): below 0.8 the trend all but vanishes, above 0.98 it is hard to tell from an undamped one. */
export const PHI_RANGE: readonly [number, number] = [0.8, 0.98];
/**
 * Longest season whose indices are fitted; longer seasons (daily data with a yearly
 * season) keep their decomposition indices, because the Jacobian grows with n·m² and the
 * fit would get slow.
 */
export const MAX_FITTED_SEASON = 53;
/**
 * Half-width of step 3's trust region around the step-1 weights, in the box coordinates
 * α, β*, γ* = γ/(1 − α) and φ. Of the order of one standard error of a smoothing weight
 * on a few years of monthly data (Gauss–Newton at the two-step fit: α 0.05–0.09, β* 0.03–0.04,
 * γ* 0.14–0.19 on the reference series), so the refined weights are ones the data cannot tell
 * from step 1's.
 */
export const TRUST_RADIUS = 0.05;
/** Grid starting values for α, β*, γ* and φ. */
const GRID: Record<ParamName, readonly number[]> = {
  alpha: [0.05, 0.2, 0.5, 0.8],
  beta: [0.01, 0.1, 0.4],
  gamma: [0.02, 0.2, 0.6],
  phi: [0.9, 0.98],
};
/** How many of the best grid points are refined. */
const STARTS = 3;

/**
 * AICc from the SSE: n·ln(SSE/n) + 2k + 2k(k+1)/(n − k − 1), the Gaussian likelihood of
 * the additive-error models up to a constant (statsmodels' Holt–Winters aicc). The SSE is
 * floored at a relative 1e-9 error per value so that an exact fit (a constant or a pure
 * trend) gives a finite value and ties go to the model with fewer parameters.
 * @param scale mean absolute value of the series
 * @returns the AICc, or Infinity when n ≤ k + 1
 */
export function aiccOf(sse: number, n: number, k: number, scale: number): number {
  const floor = n * Math.max((1e-9 * scale) ** 2, 1e-300);
  const aic = n * Math.log(Math.max(sse, floor) / n) + 2 * k;
  return n - k - 1 > 0 ? aic + (2 * k * (k + 1)) / (n - k - 1) : Infinity;
}

/** A least-squares problem over box coordinates, and the map back to weights and states. */
interface CoordinateProblem {
  problem: LeastSquaresProblem;
  decode(u: Float64Array): { params: SmoothingParams; states: States };
  encode(params: SmoothingParams, states: States): Float64Array;
}

/**
 * The problem over the free weights, ℓ_0, b_0 and (if `fitSeason`) the first m − 1 seasonal
 * indices; `season` gives the indices when they are held, and `heldLevel` (if given) holds
 * ℓ_0 at that value (its bounds close on it).
 */
function coordinateProblem(
  model: ModelSpec,
  y: ArrayLike<number>,
  fixed: FixedParams,
  season: number[],
  fitSeason: boolean,
  heldLevel?: number,
): CoordinateProblem {
  const n = y.length;
  const m = season.length;
  const multiplicative = model.season === 'multiplicative';
  const hasTrend = model.trend !== 'none';
  const layout = jacobianLayout(model, m, fitSeason);
  const free = model.params.filter((p) => fixed[p] === undefined);
  const at = (p: ParamName) => free.indexOf(p);
  const gammaHeld = isSeasonal(model) && fixed.gamma !== undefined;
  const w = free.length;
  const size = w + (layout.size - model.params.length);
  const lower = new Float64Array(size).fill(-Infinity);
  const upper = new Float64Array(size).fill(Infinity);
  free.forEach((p, i) => {
    lower[i] = p === 'phi' ? PHI_RANGE[0] : WEIGHT_MARGIN;
    upper[i] = p === 'phi' ? PHI_RANGE[1] : 1 - WEIGHT_MARGIN;
  });
  if (heldLevel !== undefined) lower[free.length] = upper[free.length] = heldLevel;

  const decode = (u: Float64Array) => {
    const pick = (p: ParamName, fallback: number) => (at(p) >= 0 ? u[at(p)] : (fixed[p] ?? fallback));
    const alpha = at('alpha') >= 0 && gammaHeld ? u[at('alpha')] * (1 - (fixed.gamma ?? 0)) : pick('alpha', 0);
    const gamma = !isSeasonal(model) ? 0 : at('gamma') >= 0 ? u[at('gamma')] * (1 - alpha) : (fixed.gamma ?? 0);
    const params: SmoothingParams = { alpha, beta: hasTrend ? pick('beta', 0) : 0, gamma, phi: model.trend === 'damped' ? pick('phi', 1) : 1 };
    let j = w;
    const level = u[j++];
    const trend = hasTrend ? u[j++] : 0;
    let indices = season;
    if (fitSeason) {
      indices = Array.from(u.subarray(j, j + m - 1));
      const sum = indices.reduce((a, b) => a + b, 0);
      indices.push(multiplicative ? m - sum : -sum);
    }
    return { params, states: { level, trend, season: indices } };
  };

  const encode = (params: SmoothingParams, states: States) => {
    const u = new Float64Array(size);
    free.forEach((p, i) => {
      if (p === 'alpha') u[i] = gammaHeld ? params.alpha / (1 - (fixed.gamma ?? 0)) : params.alpha;
      else if (p === 'gamma') u[i] = params.gamma / (1 - params.alpha);
      else u[i] = params[p];
      u[i] = Math.min(Math.max(u[i], lower[i]), upper[i]);
    });
    let j = w;
    u[j++] = states.level;
    if (hasTrend) u[j++] = states.trend;
    if (fitSeason) for (let s = 0; s < m - 1; s++) u[j++] = states.season[s];
    return u;
  };

  // ∂(natural weight)/∂(coordinate): the coupling of α and γ is the only non-identity part.
  const weightColumns = free.map((p) => layout[p]);
  const natural = new Float64Array(n * layout.size);
  const stateOffset = model.params.length;
  const problem: LeastSquaresProblem = {
    size,
    count: n,
    lower,
    upper,
    evaluate(u, residuals, jacobian) {
      const { params, states } = decode(u);
      const sse = errorsWithJacobian(model, y, params, states, layout, residuals, natural);
      if (!Number.isFinite(sse)) return Infinity;
      const p = layout.size;
      const alphaAt = at('alpha');
      const gammaAt = at('gamma');
      for (let t = 0; t < n; t++) {
        const row = t * p;
        const out = t * size;
        for (let c = 0; c < w; c++) jacobian[out + c] = natural[row + weightColumns[c]];
        if (alphaAt >= 0 && gammaHeld) jacobian[out + alphaAt] *= 1 - (fixed.gamma ?? 0);
        if (gammaAt >= 0) {
          const dGamma = natural[row + layout.gamma];
          // γ = γ*(1 − α): ∂γ/∂γ* = 1 − α, and ∂γ/∂α = −γ* when α is free too.
          jacobian[out + gammaAt] = dGamma * (1 - params.alpha);
          if (alphaAt >= 0) jacobian[out + alphaAt] -= dGamma * u[gammaAt];
        }
        for (let c = stateOffset; c < p; c++) jacobian[out + w + c - stateOffset] = natural[row + c];
      }
      return sse;
    },
  };
  return { problem, decode, encode };
}

/** Every combination of grid values for the free weights, as weights (fixed ones keep their value). */
function gridPoints(model: ModelSpec, fixed: FixedParams): SmoothingParams[] {
  let points: Record<ParamName, number>[] = [{ alpha: 0, beta: 0, gamma: 0, phi: 1 }];
  for (const p of model.params) {
    const values = fixed[p] !== undefined ? [fixed[p] as number] : GRID[p];
    points = points.flatMap((point) => values.map((v) => ({ ...point, [p]: v })));
  }
  return points.map((point) => {
    if (!isSeasonal(model)) return point;
    if (fixed.gamma !== undefined) return { ...point, alpha: fixed.alpha ?? point.alpha * (1 - fixed.gamma) };
    return { ...point, gamma: point.gamma * (1 - point.alpha) };
  });
}

/**
 * Refines the best grid points with the season's states held or fitted (and ℓ_0 held at
 * start.level when `holdLevel`); the lowest SSE wins.
 */
function fitFromGrid(model: ModelSpec, y: ArrayLike<number>, fixed: FixedParams, start: States, fitSeason: boolean, holdLevel = false) {
  const scored = gridPoints(model, fixed)
    .map((params) => ({ params, sse: sumOfSquaredErrors(model, y, params, start) }))
    .filter((s) => Number.isFinite(s.sse))
    .sort((a, b) => a.sse - b.sse);
  const target = coordinateProblem(model, y, fixed, start.season, fitSeason, holdLevel ? start.level : undefined);
  // A constant series is fitted exactly by its heuristic states (or its textbook start): nothing to refine.
  const exact = isConstant(y) && scored.length > 0 && scored[0].sse === 0;
  const refined = exact ? scored.slice(0, 1) : scored.slice(0, STARTS);
  let best: { params: SmoothingParams; states: States; sse: number } | null = null;
  let iterations = 0;
  let evaluations = scored.length;
  for (const candidate of refined) {
    const u0 = target.encode(candidate.params, start);
    const run = exact ? { x: u0, sse: candidate.sse, iterations: 0, evaluations: 0 } : minimizeLeastSquares(target.problem, u0);
    iterations += run.iterations;
    evaluations += run.evaluations;
    if (Number.isFinite(run.sse) && (best === null || run.sse < best.sse)) best = { ...target.decode(run.x), sse: run.sse };
  }
  return { best, starts: refined.length, iterations, evaluations };
}

/**
 * The textbook simple exponential smoothing fit: ℓ_0 = X_1 held, α fitted over the errors
 * e_2 … e_n (or held when fixed).
 */
function fitTextbook(model: ModelSpec, y: ArrayLike<number>, fixed: FixedParams) {
  const rest = Float64Array.from(y).subarray(1);
  const start: States = { level: y[0], trend: 0, season: [] };
  if (fixed.alpha !== undefined) {
    const params: SmoothingParams = { alpha: fixed.alpha, beta: 0, gamma: 0, phi: 1 };
    return { best: { params, states: start, sse: sumOfSquaredErrors(model, rest, params, start) }, starts: 0, iterations: 0, evaluations: 1 };
  }
  return fitFromGrid(model, rest, fixed, start, false, true);
}

/**
 * Fits a model to a series.
 * @param model the model
 * @param y the series: finite, long enough, positive for a multiplicative season (the caller checks)
 * @param period season length m (ignored without a season)
 * @param fixed weights held at the user's values, each within its bounds (the caller checks)
 * @param estimation 'refined', 'two-step' or 'joint', see the module notes
 * @param initial how the states at t = 0 are set (models.ts): by default the textbook
 *   ℓ_0 = X_1 for simple exponential smoothing and fitted states for the other models, which
 *   are always fitted
 * @returns the fitted model, or null when no starting point gives a valid fit
 * @example
 * fitModel(modelSpec('holt')!, [10, 13, 16, 19, 22, 25, 28], 1); // ℓ_0 = 7, b_0 = 3, SSE ≈ 0
 * fitModel(modelSpec('ses')!, [1000, 1100, 1200], 1, { alpha: 0.6 }); // ℓ_0 = 1000, SSE = 100² + 140² = 29,600
 */
export function fitModel(
  model: ModelSpec,
  y: ArrayLike<number>,
  period: number,
  fixed: FixedParams = {},
  estimation: Estimation = 'refined',
  initial?: InitialStart,
): FittedModel | null {
  const n = y.length;
  const m = isSeasonal(model) ? period : 0;
  const start = initialStartOf(model, initial);
  const textbook = start === 'textbook';
  const seasonStatesFitted = m > 0 && m <= MAX_FITTED_SEASON;
  const staged = estimation !== 'joint' || !seasonStatesFitted;
  const first = textbook
    ? fitTextbook(model, y, fixed)
    : fitFromGrid(model, y, fixed, heuristicStates(model, y, period), !staged && seasonStatesFitted);
  if (first.best === null) return null;
  let { params, states, sse } = first.best;
  let { iterations, evaluations } = first;
  if (staged && seasonStatesFitted && sse > 0) {
    // Step 2: the weights stay; all initial states are fitted from step 1's.
    const held: FixedParams = Object.fromEntries(model.params.map((p) => [p, params[p]]));
    const second = coordinateProblem(model, y, held, states.season, true);
    const run = minimizeLeastSquares(second.problem, second.encode(params, states));
    iterations += run.iterations;
    evaluations += run.evaluations;
    if (run.sse < sse) ({ states, sse } = { states: second.decode(run.x).states, sse: run.sse });
    const free = model.params.filter((p) => fixed[p] === undefined).length;
    if (estimation === 'refined' && free > 0 && sse > 0) {
      // Step 3: weights and states together, the weights within the trust region around step 1's.
      const third = coordinateProblem(model, y, fixed, states.season, true);
      const u0 = third.encode(params, states);
      for (let i = 0; i < free; i++) {
        third.problem.lower[i] = Math.max(third.problem.lower[i], u0[i] - TRUST_RADIUS);
        third.problem.upper[i] = Math.min(third.problem.upper[i], u0[i] + TRUST_RADIUS);
      }
      const polish = minimizeLeastSquares(third.problem, u0);
      iterations += polish.iterations;
      evaluations += polish.evaluations;
      if (polish.sse < sse) ({ params, states, sse } = { ...third.decode(polish.x), sse: polish.sse });
    }
  }
  const fixedNames = model.params.filter((p) => fixed[p] !== undefined);
  const k = parameterCount(model, m, new Set(fixedNames), start);
  let scale = 0;
  for (let i = 0; i < n; i++) scale += Math.abs(y[i]) / n;
  return {
    model,
    params,
    states,
    sse,
    k,
    // Over all n values (e_1 = 0 counts with the textbook start): the same data as every other model's.
    aicc: aiccOf(sse, n, k, scale),
    estimation,
    initial: start,
    degreesOfFreedom: (textbook ? n - 1 : n) - (k - 1),
    seasonStatesFitted,
    fittedParams: model.params.filter((p) => fixed[p] === undefined),
    starts: first.starts,
    iterations,
    evaluations,
  };
}

/**
 * The recursion's path of a fitted model over its series: fitted values, errors and states
 * per period. With the textbook start, t = 1 is ŷ_1 = X_1, e_1 = 0, ℓ_1 = X_1 exactly, and
 * the recursion runs on from t = 2 (the arithmetic of exponentialSmoothing, so the levels
 * are the same to the last bit).
 */
export function fittedPath(fit: FittedModel, y: ArrayLike<number>): RecursionPath {
  if (fit.initial !== 'textbook' || y.length === 0) return runRecursion(fit.model, y, fit.params, fit.states);
  const rest = runRecursion(fit.model, Float64Array.from(y).subarray(1), fit.params, fit.states);
  const withFirst = (first: number, values: Float64Array) => {
    const out = new Float64Array(values.length + 1);
    out[0] = first;
    out.set(values, 1);
    return out;
  };
  return {
    fitted: withFirst(y[0], rest.fitted),
    errors: withFirst(0, rest.errors),
    level: withFirst(y[0], rest.level),
    trend: withFirst(0, rest.trend),
    season: withFirst(0, rest.season),
    sse: rest.sse,
    final: rest.final,
  };
}
