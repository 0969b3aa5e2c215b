/** How a demand curve is named and written on the pricing screen. */
import type { DemandForm, DemandModel } from '../../core/pricing/demand-curve';
import { formatNumber, t } from '../../lib/i18n/i18n';

/** "straight line" or "constant elasticity", in the interface's language. */
export function formName(form: DemandForm): string {
  return t(form === 'linear' ? 'pricing.form.linear' : 'pricing.form.constantElasticity');
}

/** The curve's equation with its fitted numbers: "Q = 836.58 − 9.68·P" or "Q = 139,600 · P^−1.55". */
export function equation(curve: DemandModel): string {
  if (curve.form === 'linear') return t('pricing.form.linearEquation', { a: formatNumber(curve.a, 2), b: formatNumber(curve.b, 2) });
  return t('pricing.form.constantEquation', { k: formatNumber(curve.k, curve.k >= 1000 ? 0 : 2), e: formatNumber(curve.e, 2) });
}
