/**
 * The one-step errors of a model together with their exact derivatives with respect to the
 * smoothing weights and the states at t = 0 (forward-mode differentiation of the recursion
 * in recursions.ts): the Jacobian a Gauss–Newton / Levenberg–Marquardt fit needs. Each step
 * touches only ℓ, b and one seasonal index, so the cost is O(n · variables).
 */
import type { ModelSpec } from './models';
import type { SmoothingParams, States } from './recursions';

/**
 * Columns of the Jacobian: each weight of the model, then ℓ_0, b_0 and the first m − 1
 * seasonal indices (the m-th is minus their sum, or m minus their sum, by the normalisation).
 * −1 marks what the model does not have.
 */
export interface JacobianLayout {
  alpha: number;
  beta: number;
  gamma: number;
  phi: number;
  level: number;
  trend: number;
  /** Column of s_(1−m); the next m − 2 indices follow. −1 when seasonal states are not varied. */
  season: number;
  size: number;
}

/**
 * The layout for a model.
 * @param fitSeason whether the seasonal states are variables (false keeps them fixed)
 */
export function jacobianLayout(model: ModelSpec, period: number, fitSeason: boolean): JacobianLayout {
  let next = 0;
  const column = (present: boolean) => (present ? next++ : -1);
  const layout = {
    alpha: column(true),
    beta: column(model.trend !== 'none'),
    gamma: column(model.season !== 'none'),
    phi: column(model.trend === 'damped'),
    level: column(true),
    trend: column(model.trend !== 'none'),
    season: model.season !== 'none' && fitSeason && period > 1 ? next : -1,
    size: 0,
  };
  if (layout.season >= 0) next += period - 1;
  layout.size = next;
  return layout;
}

/**
 * Fills the errors e_t = y_t − ŷ_t and their Jacobian ∂e_t/∂v (row-major, n × layout.size).
 * @returns the sum of squared errors, or Infinity where a multiplicative model divides by a
 *   value ≤ 0 (the point is infeasible; the arrays are then incomplete)
 */
export function errorsWithJacobian(
  model: ModelSpec,
  y: ArrayLike<number>,
  params: SmoothingParams,
  states: States,
  layout: JacobianLayout,
  errors: Float64Array,
  jacobian: Float64Array,
): number {
  const p = layout.size;
  const { alpha, beta, gamma } = params;
  const damped = model.trend === 'damped';
  const phi = damped ? params.phi : 1;
  const hasTrend = model.trend !== 'none';
  const multiplicative = model.season === 'multiplicative';
  const additiveSeason = model.season === 'additive';
  const m = states.season.length;
  const ring = Float64Array.from(states.season);
  // Derivatives of ℓ, b, each seasonal slot, and scratch vectors.
  const dL = new Float64Array(p);
  const dB = new Float64Array(p);
  const dRing = new Float64Array(Math.max(m, 1) * p);
  const dP = new Float64Array(p);
  const dNewL = new Float64Array(p);
  dL[layout.level] = 1;
  if (layout.trend >= 0) dB[layout.trend] = 1;
  if (layout.season >= 0) {
    for (let j = 0; j < m - 1; j++) {
      dRing[j * p + layout.season + j] = 1;
      dRing[(m - 1) * p + layout.season + j] = -1;
    }
  }
  let level = states.level;
  let trend = hasTrend ? states.trend : 0;
  let sse = 0;
  for (let t = 0; t < y.length; t++) {
    const slot = m > 0 ? t % m : 0;
    const dS = slot * p;
    const s = m > 0 ? ring[slot] : 0;
    const base = level + phi * trend;
    const value = y[t];
    for (let k = 0; k < p; k++) dP[k] = dL[k] + phi * dB[k];
    if (damped) dP[layout.phi] += trend;
    const row = t * p;
    let error: number;
    if (multiplicative) {
      if (!(s > 0) || !(base > 0)) return Infinity;
      error = value - base * s;
      const a = (alpha * value) / (s * s);
      const c = (gamma * value) / (base * base);
      for (let k = 0; k < p; k++) {
        const ds = dRing[dS + k];
        jacobian[row + k] = -(s * dP[k] + base * ds);
        dNewL[k] = -a * ds + (1 - alpha) * dP[k];
        dRing[dS + k] = -c * dP[k] + (1 - gamma) * ds;
      }
      dNewL[layout.alpha] += value / s - base;
      if (layout.gamma >= 0) dRing[dS + layout.gamma] += value / base - s;
      ring[slot] = (gamma * value) / base + (1 - gamma) * s;
    } else {
      error = value - base - s;
      for (let k = 0; k < p; k++) {
        const ds = m > 0 ? dRing[dS + k] : 0;
        jacobian[row + k] = -(dP[k] + ds);
        dNewL[k] = -alpha * ds + (1 - alpha) * dP[k];
        if (additiveSeason) dRing[dS + k] = -gamma * dP[k] + (1 - gamma) * ds;
      }
      dNewL[layout.alpha] += value - s - base;
      if (additiveSeason) {
        if (layout.gamma >= 0) dRing[dS + layout.gamma] += value - base - s;
        ring[slot] = gamma * (value - base) + (1 - gamma) * s;
      }
    }
    const newLevel = multiplicative ? (alpha * value) / s + (1 - alpha) * base : alpha * (value - s) + (1 - alpha) * base;
    errors[t] = error;
    sse += error * error;
    if (hasTrend) {
      for (let k = 0; k < p; k++) dB[k] = beta * (dNewL[k] - dL[k]) + (1 - beta) * phi * dB[k];
      dB[layout.beta] += newLevel - level - phi * trend;
      if (damped) dB[layout.phi] += (1 - beta) * trend;
      trend = beta * (newLevel - level) + (1 - beta) * phi * trend;
    }
    dL.set(dNewL);
    level = newLevel;
  }
  return Number.isFinite(sse) ? sse : Infinity;
}
