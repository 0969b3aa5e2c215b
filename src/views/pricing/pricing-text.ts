/**
 * Words of the pricing screen that depend on engine values: error messages whose parameters
 * name a field or a column's role (the engine names them in English; the screen names them
 * in the interface's language), and figures rounded the way the screen shows them.
 */
import type { AppError } from '../../core/shared/result';
import { formatNumber, hasMessage, t } from '../../lib/i18n/i18n';
import type { MessageKey } from '../../lib/i18n/messages.en';
import { errorText } from '../data/error-text';

const FIELDS = ['price', 'quantity', 'baseQuantity', 'unitCost', 'fixedCost', 'currentPrice'] as const;
const ROLES: Record<string, MessageKey> = {
  price: 'pricing.role.price',
  quantity: 'pricing.role.quantity',
  filter: 'pricing.role.filter',
  'too cheap': 'pricing.role.tooCheap',
  cheap: 'pricing.role.cheap',
  expensive: 'pricing.role.expensive',
  'too expensive': 'pricing.role.tooExpensive',
};

/**
 * The translated message of a pricing refusal, with its field or role named in the
 * interface's words.
 * @param pointRows the row number of each point (typed table), so "point 3" names the row shown
 */
export function pricingErrorText(error: AppError, pointRows?: readonly number[]): string {
  const params: Record<string, string | number> = { ...error.params };
  const field = params.field;
  if (typeof field === 'string' && (FIELDS as readonly string[]).includes(field)) params.field = t(`pricing.field.${field}` as MessageKey);
  const role = params.role;
  if (typeof role === 'string' && ROLES[role]) params.role = t(ROLES[role]);
  if (pointRows && typeof params.position === 'number') params.position = pointRows[params.position - 1] ?? params.position;
  if (error.code === 'DEMAND_NOT_DOWNWARD' && typeof params.slope === 'number') params.slope = formatNumber(params.slope, 3);
  const key = `error.${error.code}`;
  return hasMessage(key) ? errorText({ ...error, params }) : t('error.INTERNAL', { detail: error.message });
}

/** A price or an amount of money: two decimals. */
export const money = (value: number): string => formatNumber(value, 2);
/** A share or factor of the working, with enough digits that the steps agree (0.004, not 0.00). */
export const fraction = (value: number): string => formatNumber(value, 6);
/** A quantity: whole units from 100 up, else one decimal. */
export const units = (value: number): string => formatNumber(value, Math.abs(value) >= 100 ? 0 : 1);
/** An elasticity or a slope: two decimals. */
export const ratio = (value: number): string => (Number.isFinite(value) ? formatNumber(value, 2) : value < 0 ? '−∞' : '∞');
/** An R²: three decimals. */
export const r2 = (value: number): string => formatNumber(value, 3);
