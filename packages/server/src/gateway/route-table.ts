/** Finds the route of a request path: the longest configured prefix that matches at a segment. */
import type { GatewayRoute } from './gateway-options.js';

/** A matched request: its route, the path after the prefix and the query (with its `?`). */
export interface RouteMatch {
  readonly route: GatewayRoute;
  readonly rest: string;
  readonly query: string;
}

/** Matches request targets (`/anthropic/v1/messages?x=1`) against the routes. */
export class RouteTable {
  readonly #routes: readonly GatewayRoute[];

  constructor(routes: readonly GatewayRoute[]) {
    // Longest first, so /openai/eu wins over /openai.
    this.#routes = [...routes].sort((a, b) => b.path.length - a.path.length);
  }

  /** The route for `url`, or undefined: the gateway never forwards what no route names. */
  match(url: string): RouteMatch | undefined {
    const q = url.indexOf('?');
    const path = q === -1 ? url : url.slice(0, q);
    const query = q === -1 ? '' : url.slice(q);
    // Encoded dots or slashes could climb out of the target's base path upstream.
    if (/%2e|%2f|%5c|\\/i.test(path) || path.split('/').some((s) => s === '..' || s === '.'))
      return undefined;
    for (const route of this.#routes) {
      const p = route.path === '/' ? '' : route.path;
      if (path === p || path.startsWith(`${p}/`)) {
        return { route, rest: path.slice(p.length), query };
      }
    }
    return undefined;
  }
}
