import { describe, expect, it } from 'vitest';
import { MODELS, type ModelSpec } from '../../../../src/core/forecast/models';
import { errorsWithJacobian, jacobianLayout } from '../../../../src/core/forecast/recursion-jacobian';
import { runRecursion, type SmoothingParams, type States } from '../../../../src/core/forecast/recursions';

// A seasonal series with trend and noise-like wiggles, all positive (m = 4, n = 20).
const Y = Array.from({ length: 20 }, (_, i) => (50 + 1.5 * i) * [1.2, 0.8, 1.1, 0.9][i % 4] + 3 * Math.sin(1.7 * i));
const PARAMS: SmoothingParams = { alpha: 0.35, beta: 0.2, gamma: 0.25, phi: 0.9 };

function statesFor(model: ModelSpec): States {
  const season = model.season === 'none' ? [] : model.season === 'additive' ? [8, -9, 4, -3] : [1.15, 0.85, 1.05, 0.95];
  return { level: 52, trend: model.trend === 'none' ? 0 : 1.2, season };
}

/** The natural variables (weights, ℓ_0, b_0, s_(1−m) … s_(−1)) moved by h in one coordinate. */
function moved(model: ModelSpec, which: number, h: number): { params: SmoothingParams; states: States } {
  const layout = jacobianLayout(model, 4, true);
  const params = { ...PARAMS };
  const states = statesFor(model);
  const season = [...states.season];
  let level = states.level;
  let trend = states.trend;
  for (const name of ['alpha', 'beta', 'gamma', 'phi'] as const) if (layout[name] === which) params[name] += h;
  if (layout.level === which) level += h;
  if (layout.trend === which) trend += h;
  if (layout.season >= 0 && which >= layout.season && which < layout.season + 3) {
    // The last index follows from the others (normalised sum), so it moves the other way.
    season[which - layout.season] += h;
    season[3] -= h;
  }
  return { params, states: { level, trend, season } };
}

describe('errorsWithJacobian', () => {
  it.each(MODELS.map((m) => [m.id, m] as const))('%s: errors match the recursion and derivatives match central differences', (_, model) => {
    const layout = jacobianLayout(model, 4, true);
    const n = Y.length;
    const errors = new Float64Array(n);
    const jacobian = new Float64Array(n * layout.size);
    const sse = errorsWithJacobian(model, Y, PARAMS, statesFor(model), layout, errors, jacobian);
    const path = runRecursion(model, Y, PARAMS, statesFor(model));
    expect(sse).toBeCloseTo(path.sse, 8);
    for (let t = 0; t < n; t++) expect(errors[t]).toBeCloseTo(path.errors[t], 10);
    const h = 1e-6;
    for (let c = 0; c < layout.size; c++) {
      const up = moved(model, c, h);
      const down = moved(model, c, -h);
      const eUp = runRecursion(model, Y, up.params, up.states).errors;
      const eDown = runRecursion(model, Y, down.params, down.states).errors;
      for (let t = 0; t < n; t++) {
        const numeric = (eUp[t] - eDown[t]) / (2 * h);
        expect(Math.abs(jacobian[t * layout.size + c] - numeric)).toBeLessThan(1e-5 * (1 + Math.abs(numeric)));
      }
    }
  });

  it('reports an infeasible point of a multiplicative model as Infinity', () => {
    const model = MODELS.find((m) => m.id === 'holt-winters-multiplicative') as ModelSpec;
    const layout = jacobianLayout(model, 4, true);
    const states: States = { level: -5, trend: 0, season: [1, 1, 1, 1] };
    expect(errorsWithJacobian(model, Y, PARAMS, states, layout, new Float64Array(20), new Float64Array(20 * layout.size))).toBe(Infinity);
  });
});
