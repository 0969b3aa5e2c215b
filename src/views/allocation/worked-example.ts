/**
 * The worked LP of the strategy text: a startup splits its budget between direct sales
 * (x1) and distributors (x2); maximise Z = 0.1 x1 + 0.2 x2 subject to
 * 0.05 x1 + 0.1 x2 ≤ 5000 and 0.2 x1 + 0.05 x2 ≤ 10000. The objective is twice the first
 * row, so every point of that row's edge between (0, 50000) and (42857.14, 28571.43) is
 * optimal with Z = 10000: the example teaches alternative optima.
 */
import type { LpModel } from '../../core/lp/lp-model';
import { t } from '../../lib/i18n/i18n';

export const WORKED_EXAMPLE: LpModel = {
  name: 'worked-example',
  objectiveName: 'Z',
  sense: 'max',
  variables: [
    { name: 'x1', objective: 0.1 },
    { name: 'x2', objective: 0.2 },
  ],
  constraints: [
    { name: 'money', terms: { x1: 0.05, x2: 0.1 }, op: '<=', rhs: 5000 },
    { name: 'people', terms: { x1: 0.2, x2: 0.05 }, op: '<=', rhs: 10000 },
  ],
};

/** What x1 and x2 stand for, in the reader's language. */
export function workedExampleLabels(): Record<string, string> {
  return { x1: t('lp.example.x1'), x2: t('lp.example.x2') };
}
