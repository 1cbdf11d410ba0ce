/** Matches a method and path to a route: literal paths by map, patterns segment by segment. */
import type { Route } from './route.js';

export type RouteMatch =
  | {
      readonly kind: 'found';
      readonly route: Route;
      readonly params: Readonly<Record<string, string>>;
    }
  | { readonly kind: 'not_found' }
  /** The path exists under other methods; `allow` lists them for the `Allow` header. */
  | { readonly kind: 'method_not_allowed'; readonly allow: readonly string[] };

interface Pattern {
  readonly segments: readonly string[];
  readonly byMethod: Map<string, Route>;
}

const NO_PARAMS: Readonly<Record<string, string>> = Object.freeze({});

/** Matches a request; `HEAD` is served by the `GET` route (Node sends no body for it). */
export type Router = (method: string, pathname: string) => RouteMatch;

/**
 * Builds a router over `routes`. A path given twice for one method is a programmer error.
 *
 * @example
 * const match = createRouter([{ method: 'GET', path: '/v1/incidents/:id', access: 'read', handle }]);
 * match('GET', '/v1/incidents/inc_1'); // → { kind: 'found', route, params: { id: 'inc_1' } }
 */
export function createRouter(routes: readonly Route[]): Router {
  const patterns = new Map<string, Pattern>();
  for (const route of routes) {
    let p = patterns.get(route.path);
    if (p === undefined) {
      p = { segments: route.path.split('/'), byMethod: new Map() };
      patterns.set(route.path, p);
    }
    if (p.byMethod.has(route.method))
      throw new Error(`two routes for ${route.method} ${route.path}`);
    p.byMethod.set(route.method, route);
  }
  const literal = new Map([...patterns].filter(([path]) => !path.includes('/:')));
  const parameterised = [...patterns.values()].filter((p) => p.segments.some(isParam));

  return (method, pathname) => {
    const m = method === 'HEAD' ? 'GET' : method;
    const exact = literal.get(pathname);
    if (exact !== undefined) return pick(exact, m, NO_PARAMS);
    const parts = pathname.split('/');
    for (const p of parameterised) {
      const params = bind(p.segments, parts);
      if (params !== undefined) return pick(p, m, params);
    }
    return { kind: 'not_found' };
  };
}

function isParam(segment: string): boolean {
  return segment.startsWith(':');
}

function pick(p: Pattern, method: string, params: Readonly<Record<string, string>>): RouteMatch {
  const route = p.byMethod.get(method);
  if (route !== undefined) return { kind: 'found', route, params };
  return { kind: 'method_not_allowed', allow: [...p.byMethod.keys()] };
}

/** The parameters when every segment matches; a bad percent-encoding does not match. */
function bind(
  segments: readonly string[],
  parts: readonly string[],
): Record<string, string> | undefined {
  if (segments.length !== parts.length) return undefined;
  const params: Record<string, string> = {};
  for (let i = 0; i < segments.length; i++) {
    const want = segments[i] ?? '';
    const got = parts[i] ?? '';
    if (!isParam(want)) {
      if (want !== got) return undefined;
    } else {
      if (got === '') return undefined;
      try {
        params[want.slice(1)] = decodeURIComponent(got);
      } catch {
        return undefined;
      }
    }
  }
  return params;
}
