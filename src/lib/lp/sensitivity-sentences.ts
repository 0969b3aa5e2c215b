/**
 * The sensitivity report in sentences, as a founder would say it: what one more step of a
 * limit is worth and until when, what a channel would need to return to enter the plan,
 * and how far a return can move before the plan changes. Sentences are message keys with
 * their values, so they translate; the caller formats numbers and names.
 */
import type { LpSensitivity } from '../../core/lp/sensitivity';
import type { MessageKey } from '../i18n/messages.en';

export interface Sentence {
  key: MessageKey;
  /** Names and numbers, unformatted; `step`, `value` and limits are numbers. */
  params: Record<string, string | number>;
}

/** Below this a shadow price or reduced cost is rounding noise. */
const ZERO = 1e-9;

/**
 * A round step to talk about: 1 for small limits, 1,000 for a budget of hundreds of thousands
 * (the step is a hundredth of the limit's order of magnitude), so "1,000 more of budget".
 */
export function stepFor(rhs: number): number {
  const size = Math.abs(rhs);
  if (size < 1000) return 1;
  return 10 ** (Math.floor(Math.log10(size)) - 2);
}

export function constraintSentences(report: LpSensitivity, sense: 'max' | 'min'): Sentence[] {
  return report.constraints.map((r): Sentence => {
    const name = r.constraint;
    if (Math.abs(r.shadowPrice) <= ZERO) {
      return { key: 'lp.sens.rowFree', params: { name, slack: Math.abs(r.rhs - r.activity), rhs: r.rhs } };
    }
    const step = stepFor(r.rhs);
    // For a maximum a positive price is a gain; for a minimum a positive dual raises the cost.
    const gain = sense === 'max' ? r.shadowPrice : -r.shadowPrice;
    const until = r.allowableIncrease === Number.POSITIVE_INFINITY ? null : r.rhs + r.allowableIncrease;
    const key: MessageKey = gain > 0 ? (until === null ? 'lp.sens.rowGainNoLimit' : 'lp.sens.rowGain') : until === null ? 'lp.sens.rowLossNoLimit' : 'lp.sens.rowLoss';
    return { key, params: { name, step, value: Math.abs(r.shadowPrice) * step, until: until ?? 0, from: r.rhs } };
  });
}

export function variableSentences(report: LpSensitivity, sense: 'max' | 'min'): Sentence[] {
  return report.variables.map((v): Sentence => {
    const name = v.variable;
    const atZero = Math.abs(v.value) <= ZERO;
    if (atZero && Math.abs(v.reducedCost) > ZERO) {
      // Out of the plan: its return must improve by |reduced cost| per unit to enter.
      return { key: sense === 'max' ? 'lp.sens.varEnterMax' : 'lp.sens.varEnterMin', params: { name, by: Math.abs(v.reducedCost), objective: v.objective } };
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
