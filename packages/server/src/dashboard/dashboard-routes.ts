/** The dashboard's routes: sign-in and out, the single-page shell, its built assets, the session. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  clearedSessionCookie,
  sendJson,
  sessionCookie,
  sessionToken,
  type Authenticator,
  type Principal,
  type Route,
} from '../http/index.js';
import { formToken } from './form-token.js';
import { signInPage, type SignInProblem } from './sign-in-page.js';
import { createAssetReader, type Asset } from './static-assets.js';

export interface DashboardRouteDeps {
  /** Checks the signed-in token, as every other route does. */
  readonly auth: Authenticator;
  /** Reads a built file by its path under `dist/web/`; defaults to the shipped build. */
  readonly assets?: (path: string) => Promise<Asset | undefined>;
}

/** Never framed (clickjacking), never sniffed, scripts only from us (no inline script at all). */
const PAGE_HEADERS = {
  'content-security-policy':
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; frame-ancestors 'none'; base-uri 'none'; form-action 'self'",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cache-control': 'no-store',
};

/** The dashboard at `/` and `/incidents/{id}` (server-api.md, Pages). */
export function dashboardRoutes(deps: DashboardRouteDeps): Route[] {
  const assets = deps.assets ?? createAssetReader();

  async function signedIn(req: IncomingMessage): Promise<Principal | undefined> {
    const token = sessionToken(req.headers.cookie);
    if (token === undefined) return undefined;
    const result = await deps.auth.authenticate(`Bearer ${token}`);
    return result.kind === 'ok' && result.principal.role !== 'ingest'
      ? result.principal
      : undefined;
  }

  async function shell(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if ((await signedIn(req)) === undefined) return html(res, 200, signInPage('none'));
    const index = await assets('index.html');
    if (index === undefined) return html(res, 503, signInPage('dashboard_missing'));
    res.writeHead(200, { ...PAGE_HEADERS, 'content-type': index.contentType });
    res.end(index.body);
  }

  return [
    { method: 'GET', path: '/', access: 'public', handle: ({ req, res }) => shell(req, res) },
    {
      method: 'GET',
      path: '/incidents/:id',
      access: 'public',
      handle: ({ req, res }) => shell(req, res),
    },
    {
      method: 'POST',
      path: '/sign-in',
      access: 'public',
      async handle({ req, res }) {
        const token = await formToken(req);
        const result =
          token === undefined ? undefined : await deps.auth.authenticate(`Bearer ${token}`);
        let problem: SignInProblem = 'unknown';
        if (result?.kind === 'ok')
          problem = result.principal.role === 'ingest' ? 'wrong_role' : 'none';
        if (problem !== 'none' || token === undefined) return html(res, 401, signInPage(problem));
        res.writeHead(303, { location: '/', 'set-cookie': sessionCookie(token, isHttps(req)) });
        res.end();
      },
    },
    {
      method: 'POST',
      path: '/sign-out',
      access: 'public',
      handle({ req, res }) {
        res.writeHead(303, { location: '/', 'set-cookie': clearedSessionCookie(isHttps(req)) });
        res.end();
      },
    },
    {
      method: 'GET',
      path: '/dashboard/session',
      access: 'public',
      async handle({ req, res }) {
        const who = await signedIn(req);
        if (who === undefined)
          return sendJson(res, 401, { error: { code: 'unauthorized', message: 'Sign in first.' } });
        sendJson(res, 200, { name: who.name, role: who.role }, { 'cache-control': 'no-store' });
      },
    },
    {
      method: 'GET',
      path: '/assets/:file',
      access: 'public',
      async handle({ res, params }) {
        const asset = await assets(`assets/${params.file ?? ''}`);
        if (asset === undefined)
          return sendJson(res, 404, { error: { code: 'not_found', message: 'No such asset.' } });
        res.writeHead(200, {
          'content-type': asset.contentType,
          'content-length': asset.body.length,
          'x-content-type-options': 'nosniff',
          // Vite puts a content hash in every asset name, so a name never changes meaning.
          'cache-control': 'public, max-age=31536000, immutable',
        });
        res.end(asset.body);
      },
    },
  ];
}

function html(res: ServerResponse, status: number, body: string): void {
  res.writeHead(status, {
    ...PAGE_HEADERS,
    'content-type': 'text/html; charset=utf-8',
    'content-length': Buffer.byteLength(body),
  });
  res.end(body);
}

/** Behind a TLS proxy (it says so in `X-Forwarded-Proto`) or on a TLS socket. */
function isHttps(req: IncomingMessage): boolean {
  const proto = req.headers['x-forwarded-proto'];
  return proto === 'https' || ('encrypted' in req.socket && req.socket.encrypted === true);
}
