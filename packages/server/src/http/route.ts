/** What a route is: a method, a path pattern, who may call it, and its handler. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { TokenRole } from '../store/port.js';

/** Who may call a route: nobody needs a token (`public`), or the token's role must allow it. */
export const ACCESS = ['public', 'ingest', 'read', 'admin'] as const;
export type Access = (typeof ACCESS)[number];

export const HTTP_METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;
export type HttpMethod = (typeof HTTP_METHODS)[number];

/** The caller a bearer token names. */
export interface Principal {
  readonly name: string;
  readonly role: TokenRole;
}

/** Everything a handler gets for one request. */
export interface RequestContext {
  readonly req: IncomingMessage;
  readonly res: ServerResponse;
  /** Values of the pattern's `:name` segments, URI-decoded. */
  readonly params: Readonly<Record<string, string>>;
  /** The request URL, resolved against `http://localhost` (read `pathname`, `searchParams`). */
  readonly url: URL;
  /** The authenticated caller; `undefined` on a public route. */
  readonly principal: Principal | undefined;
}

/** One endpoint. `path` is literal segments and `:name` parameters, e.g. `/v1/incidents/:id`. */
export interface Route {
  readonly method: HttpMethod;
  readonly path: string;
  readonly access: Access;
  /** Must answer through `ctx.res`; a throw or rejection becomes a 500 (or 503, see dispatch). */
  handle(ctx: RequestContext): void | Promise<void>;
}

/**
 * True when a token of `role` may call a route needing `access` (server-api.md, Authentication):
 * `admin` may do everything; `ingest` and `read` only their own.
 */
export function allows(role: TokenRole, access: Access): boolean {
  return access === 'public' || role === 'admin' || role === access;
}
