/** Runs one request: route match, 404/405, authentication and role, the handler, its failure. */
import { channel } from 'node:diagnostics_channel';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { StoreUnavailableError } from '../store/port.js';
import type { AuthResult, Authenticator } from './auth.js';
import { refuse } from './refuse.js';
import { sendError } from './respond.js';
import { allows, type Principal, type Route } from './route.js';
import { createRouter } from './router.js';
import { credentialOf } from './session-cookie.js';

/** Our own faults (a handler that threw) are published here, never printed. */
export const HTTP_ERROR_CHANNEL = 'faultline:http:error';
const errors = channel(HTTP_ERROR_CHANNEL);

/** Seconds a client should wait before retrying when the store cannot answer. */
const STORE_RETRY_AFTER_S = 1;
const MISSING: AuthResult = { kind: 'missing' };

export type RequestListener = (req: IncomingMessage, res: ServerResponse) => void;

/** The `node:http` request listener over `routes`; `auth` guards every non-public route. */
export function createDispatcher(routes: readonly Route[], auth?: Authenticator): RequestListener {
  const match = createRouter(routes);

  async function serve(req: IncomingMessage, res: ServerResponse): Promise<void> {
    let url: URL;
    try {
      url = new URL(`http://localhost${req.url ?? '/'}`);
    } catch {
      refuse(req, res, 400, 'bad_request', 'The request target is not a valid path.');
      return;
    }
    const m = match(req.method ?? 'GET', url.pathname);
    if (m.kind === 'not_found') {
      refuse(req, res, 404, 'not_found', `Nothing is served at ${url.pathname}.`);
      return;
    }
    if (m.kind === 'method_not_allowed') {
      const allow = m.allow.join(', ');
      refuse(req, res, 405, 'method_not_allowed', `Use ${allow} here.`, { allow });
      return;
    }
    let principal: Principal | undefined;
    if (m.route.access !== 'public') {
      const result: AuthResult =
        auth === undefined ? MISSING : await auth.authenticate(credentialOf(req, url.pathname));
      if (result.kind !== 'ok') {
        const why = result.kind === 'missing' ? 'A bearer token is required.' : 'Unknown token.';
        refuse(req, res, 401, 'unauthorized', why, { 'www-authenticate': 'Bearer' });
        return;
      }
      principal = result.principal;
      if (!allows(principal.role, m.route.access)) {
        const why = `This ${principal.role} token may not do this; it needs the ${m.route.access} role.`;
        refuse(req, res, 403, 'forbidden', why);
        return;
      }
    }
    await m.route.handle({ req, res, params: m.params, url, principal });
  }

  return (req, res) => {
    serve(req, res).catch((e: unknown) => {
      failed(req, res, e);
    });
  };
}

/** A handler failed: 503 when the store is unavailable, else 500 without details. */
function failed(req: IncomingMessage, res: ServerResponse, e: unknown): void {
  const unavailable = e instanceof StoreUnavailableError;
  if (!unavailable && errors.hasSubscribers) errors.publish({ error: e, url: req.url });
  if (res.headersSent) {
    res.destroy();
    return;
  }
  if (unavailable) {
    const headers = { 'retry-after': String(STORE_RETRY_AFTER_S) };
    refuse(req, res, 503, 'unavailable', 'The store cannot answer now; retry shortly.', headers);
  } else sendError(res, 500, 'internal', 'The server failed to answer this request.');
}
