/** The node:http server: routes each request to an emulated API, the admin API, or a 404. */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { handleAdmin, type AdminControls, type AdminPolicy } from '../admin/index.js';
import { sendJson } from '../http/index.js';
import { serveStatusPage, type StatusPages } from '../status-pages/index.js';
import { handleProvider } from './handle-provider.js';
import type { ProviderRuntime } from './provider-runtime.js';
import { route } from './route.js';
import { sendNotFound } from './send-not-found.js';
import { sendRefusal } from './send-refusal.js';

const BAD_ENCODING = 'Invalid request URL: malformed percent-encoding in the path or query.';

/** What the server serves from. */
export interface HttpServerDeps {
  readonly runtime: ProviderRuntime;
  readonly admin: AdminControls;
  /** Who may use the admin API. */
  readonly adminPolicy: AdminPolicy;
  /** Request bodies past this many bytes are answered 413. */
  readonly maxBodyBytes: number;
  /** The fake status pages under `/status/`. */
  readonly statusPages: StatusPages;
}

/** Creates (does not start) the server. */
export function createHttpServer(deps: HttpServerDeps): Server {
  return createServer((req, res) => {
    dispatch(deps, req, res).catch((e: unknown) => fail(res, e));
  });
}

async function dispatch(
  deps: HttpServerDeps,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const method = req.method ?? 'GET';
  const r = route(method, req.url ?? '/');
  if (r.kind === 'admin') {
    return handleAdmin(deps.admin, req, res, r.path, {
      policy: deps.adminPolicy,
      maxBodyBytes: deps.maxBodyBytes,
      statusPages: deps.statusPages,
    });
  }
  if (r.kind === 'status') return serveStatusPage(deps.statusPages, req, res, r.path);
  deps.runtime.countRequest();
  switch (r.kind) {
    case 'provider':
      return handleProvider(deps.runtime, deps.runtime.adapters[r.provider], r, req, res, deps);
    case 'bad_encoding':
      return sendRefusal(deps.runtime, r.provider, 400, BAD_ENCODING, res);
    case 'not_found':
      return sendNotFound(deps.runtime, r.provider, method, r.path, res);
  }
}

/** A bug in the fake itself: say so plainly if nothing was sent yet, else cut the connection. */
function fail(res: ServerResponse, e: unknown): void {
  if (res.headersSent || res.destroyed) {
    res.destroy();
    return;
  }
  sendJson(res, 500, {
    error: 'fake_provider_failure',
    message: e instanceof Error ? e.message : String(e),
  });
}
