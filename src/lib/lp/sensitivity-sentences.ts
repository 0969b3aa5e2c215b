/**
 * The sensitivity report in sentences, as a founder would say it: what one more step of a
 * limit is worth and until when, what a channel would need to return to enter the plan,
 * and how far a return can move before the plan changes. Sentences are message keys with
 * their values, so they translate; the caller formats numbers (with the units given) and
 * names.
 */
import type { LpModel } from '../../core/lp/lp-model';
import type { LpSensitivity } from '../../core/lp/sensitivity';
import type { MessageKey } from '../i18n/messages.en';

export interface Sentence {
  key: MessageKey;
  /** `name` is a model name (the caller shows its label); the others are numbers. */
  params: Record<string, string | number>;
  /** The unit of a numeric param, when known ("¥", "hours"). */
  units?: Record<string, string>;
}

/** What the builder knows about units; models typed by hand have none. */
export interface SentenceUnits {
  /** Unit of the objective ("¥" for revenue). */
  objective?: string;
  /** Unit of each constraint's right-hand side, by constraint name. */
  rows?: Record<string, string>;
}

/** Below this a shadow price or reduced cost is rounding noise. */
const ZERO = 1e-9;

/**
 * A round step to talk about: 1 for small limits, 1,000 for a budget of hundreds of thousands
 * (a hundredth of the limit's order of magnitude), but never more than the range in which the
 * shadow price holds, so the sentence stays true.
 */
export function stepFor(rhs: number, range = Number.POSITIVE_INFINITY): number {
  const size = Math.abs(rhs);
  let step = size < 1000 ? 1 : 10 ** (Math.floor(Math.log10(size)) - 2);
  while (step > 1 && step > range) step /= 10;
  return step;
}

export function constraintSentences(report: LpSensitivity, model: LpModel, units: SentenceUnits = {}): Sentence[] {
  const ops = new Map(model.constraints.map((c) => [c.name, c.op]));
  return report.constraints.map((r): Sentence => {
    const name = r.constraint;
    const rowUnit = units.rows?.[name];
    const unitsOf = (rowKeys: string[], objectiveKeys: string[]) => {
      const out: Record<string, string> = {};
      if (rowUnit) for (const k of rowKeys) out[k] = rowUnit;
      if (units.objective) for (const k of objectiveKeys) out[k] = units.objective;
      return out;
    };
    if (Math.abs(r.shadowPrice) <= ZERO) {
      const gap = r.activity - r.rhs;
      const binding = Math.abs(gap) <= 1e-9 * Math.max(1, Math.abs(r.rhs));
      if (binding) return { key: 'lp.sens.rowBindsFree', params: { name } };
      const op = ops.get(name);
      // A ≥ row above its floor is exceeded; a ≤ row below its limit has room to spare.
      const key: MessageKey = op === '>=' ? 'lp.sens.rowExceeded' : 'lp.sens.rowFree';
      return { key, params: { name, amount: Math.abs(gap) }, units: unitsOf(['amount'], []) };
    }
    const step = stepFor(r.rhs, r.allowableIncrease);
    const until = r.allowableIncrease === Number.POSITIVE_INFINITY ? null : r.rhs + r.allowableIncrease;
    // For a maximum a positive price is a gain; for a minimum a positive dual raises the cost.
    const gain = model.sense === 'max' ? r.shadowPrice : -r.shadowPrice;
    const key: MessageKey = gain > 0 ? (until === null ? 'lp.sens.rowGainNoLimit' : 'lp.sens.rowGain') : until === null ? 'lp.sens.rowLossNoLimit' : 'lp.sens.rowLoss';
    return { key, params: { name, step, value: Math.abs(r.shadowPrice) * step, until: until ?? 0 }, units: unitsOf(['step', 'until'], ['value']) };
  });
}

export function variableSentences(report: LpSensitivity, sense: 'max' | 'min'): Sentence[] {
  return report.variables.map((v): Sentence => {
    const name = v.variable;
    const atZero = Math.abs(v.value) <= ZERO;
    if (atZero && Math.abs(v.reducedCost) > ZERO) {
      // Out of the plan: its coefficient must improve by |reduced cost| to enter.
      const by = Math.abs(v.reducedCost);
      const threshold = sense === 'max' ? v.objective + by : v.objective - by;
      return { key: sense === 'max' ? 'lp.sens.varEnterMax' : 'lp.sens.varEnterMin', params: { name, by, objective: v.objective, threshold } };
    }
    // A zero range on one side: another optimal plan is one step away.
    if (v.allowableIncrease === 0 && v.allowableDecrease === Number.POSITIVE_INFINITY) return { key: 'lp.sens.varTieUp', params: { name, objective: v.objective } };
    if (v.allowableDecrease === 0 && v.allowableIncrease === Number.POSITIVE_INFINITY) return { key: 'lp.sens.varTieDown', params: { name, objective: v.objective } };
    const low = v.allowableDecrease === Number.POSITIVE_INFINITY ? null : v.objective - v.allowableDecrease;
    const high = v.allowableIncrease === Number.POSITIVE_INFINITY ? null : v.objective + v.allowableIncrease;
    if (low === null && high === null) return { key: 'lp.sens.varAnyCoefficient', params: { name } };
    if (low === null) return { key: 'lp.sens.varUpTo', params: { name, high: high!, objective: v.objective } };
    if (high === null) return { key: 'lp.sens.varDownTo', params: { name, low, objective: v.objective } };
    return { key: 'lp.sens.varBetween', params: { name, low, high, objective: v.objective } };
  });
}
