/**
 * Hash routing, so the built app works from any static host and any sub-path: the server
 * only ever serves index.html, and the screen lives after the "#".
 */
import { hashFor, routeFromHash, type RouteId } from './routes';

export class Router {
  route = $state<RouteId>('data');
  param = $state<string | null>(null);
  unknown = $state(false);

  constructor() {
    this.#read();
    window.addEventListener('hashchange', () => this.#read());
  }

  /** Records what the screen shows in the address without adding a history entry. */
  replaceParam(param: string | null): void {
    const hash = hashFor(this.route, param);
    if (window.location.hash !== hash) history.replaceState(null, '', hash);
    this.param = param;
  }

  #read(): void {
    const { route, param, known } = routeFromHash(window.location.hash);
    this.route = route;
    this.param = param;
    this.unknown = !known;
  }
}
