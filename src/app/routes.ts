import type { MessageKey } from '../lib/i18n/messages.en';

/** Screens that work; navigation lists exactly these. */
export const ROUTES = [
  { id: 'data', label: 'nav.data' },
  { id: 'plan', label: 'nav.plan' },
  { id: 'map', label: 'nav.map' },
  { id: 'churn', label: 'nav.churn' },
  { id: 'forecast', label: 'forecast.nav' },
  { id: 'allocation', label: 'nav.allocation' },
  { id: 'pricing', label: 'nav.pricing' },
  { id: 'loyalty', label: 'nav.loyalty' },
] as const satisfies readonly { id: string; label: MessageKey }[];

export type RouteId = (typeof ROUTES)[number]['id'];

export const DEFAULT_ROUTE: RouteId = 'data';

/** Reads "#/data/<id>" style hashes; anything unknown falls back to the default screen. */
export function routeFromHash(hash: string): { route: RouteId; param: string | null; known: boolean } {
  const [id, param] = hash.replace(/^#\/?/, '').split('/');
  const match = ROUTES.find((r) => r.id === id);
  const cleanParam = param ? safeDecode(param) : null;
  return match ? { route: match.id, param: cleanParam, known: true } : { route: DEFAULT_ROUTE, param: null, known: !id };
}

/** A hand-typed or truncated address may hold a broken %-sequence: then there is no item. */
function safeDecode(text: string): string | null {
  try {
    return decodeURIComponent(text);
  } catch {
    return null;
  }
}

/** The address of a screen, optionally with the item it shows. */
export function hashFor(route: RouteId, param?: string | null): string {
  return param ? `#/${route}/${encodeURIComponent(param)}` : `#/${route}`;
}
