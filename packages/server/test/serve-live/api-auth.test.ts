// Token roles on every endpoint of a spawned `faultline serve`: 401 without or with an unknown token, 403 for the wrong role.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveDir, startServe, TOKENS, type Served } from './spawn-serve.js';

const METRICS_TOKEN = 'fl_test_metrics_0123456789abcdef012345';
const open = serveDir('faultline-auth-');
const guarded = serveDir('faultline-auth-metrics-');
let served: Served;
let metricsGuarded: Served;

beforeAll(async () => {
  [served, metricsGuarded] = await Promise.all([
    startServe(open.writeConfig(), open.dir),
    startServe(guarded.writeConfig({ metrics: { token: METRICS_TOKEN } }), guarded.dir),
  ]);
}, 30_000);
afterAll(async () => {
  await Promise.all([served?.stop(), metricsGuarded?.stop()]);
  open.cleanup();
  guarded.cleanup();
});

type Role = keyof typeof TOKENS;
interface Endpoint {
  readonly method: 'GET' | 'POST';
  readonly path: string;
  readonly roles: readonly Role[];
  readonly body?: { readonly type: string; readonly text: string };
  /** What the right role gets (404 for an unknown incident still means it was let in). */
  readonly ok: number;
}

const READ: readonly Role[] = ['read', 'admin'];
const WRITE: readonly Role[] = ['ingest', 'admin'];
const ENDPOINTS: readonly Endpoint[] = [
  {
    method: 'POST',
    path: '/v1/records',
    roles: WRITE,
    ok: 200,
    body: { type: 'application/x-ndjson', text: '' },
  },
  {
    method: 'POST',
    path: '/v1/traces',
    roles: WRITE,
    ok: 200,
    body: { type: 'application/json', text: '{}' },
  },
  { method: 'GET', path: '/v1/incidents', roles: READ, ok: 200 },
  { method: 'GET', path: '/v1/incidents/inc-unknown', roles: READ, ok: 404 },
  { method: 'GET', path: '/v1/health', roles: READ, ok: 200 },
  { method: 'GET', path: '/v1/records', roles: READ, ok: 200 },
  { method: 'GET', path: '/v1/events', roles: READ, ok: 200 },
];

/** Sends the request and reads the status, the content type and (unless a stream) the body. */
async function call(base: string, e: Pick<Endpoint, 'method' | 'path' | 'body'>, token?: string) {
  const headers: Record<string, string> = {};
  if (token !== undefined) headers.authorization = `Bearer ${token}`;
  if (e.body !== undefined) headers['content-type'] = e.body.type;
  const res = await fetch(`${base}${e.path}`, {
    method: e.method,
    headers,
    body: e.body?.text ?? null,
  });
  const type = res.headers.get('content-type') ?? '';
  // An event stream stays open: its headers are the answer.
  const text = type.startsWith('text/event-stream')
    ? (await res.body?.cancel(), '')
    : await res.text();
  return { status: res.status, type, text, headers: res.headers };
}

function expectError(r: { status: number; type: string; text: string }, code: string): void {
  expect(r.type).toMatch(/^application\/json/);
  const body = JSON.parse(r.text) as { error: { code: string; message: string } };
  expect(Object.keys(body)).toEqual(['error']);
  expect(body.error.code).toBe(code);
  expect(body.error.message.length).toBeGreaterThan(0);
}

describe('token roles per endpoint', () => {
  for (const e of ENDPOINTS) {
    const name = `${e.method} ${e.path}`;
    it(`${name}: 401 without a token or with an unknown one`, async () => {
      for (const token of [undefined, 'fl_not_a_token_anyone_made']) {
        const r = await call(served.url, e, token);
        expect(r.status).toBe(401);
        expect(r.headers.get('www-authenticate')).toMatch(/^Bearer/);
        expectError(r, 'unauthorized');
      }
    });

    it(`${name}: ${e.ok} for ${e.roles.join(' and ')}, 403 for the others`, async () => {
      for (const role of Object.keys(TOKENS) as Role[]) {
        const r = await call(served.url, e, TOKENS[role]);
        expect(r.type, `${role} content type`).not.toBe('');
        if (e.roles.includes(role)) {
          expect(r.status, role).toBe(e.ok);
        } else {
          expect(r.status, role).toBe(403);
          expectError(r, 'forbidden');
        }
      }
    });
  }
});

describe('endpoints without a token', () => {
  it.each(['/healthz', '/readyz'])('%s answers 200 with JSON to anyone', async (path) => {
    const r = await call(served.url, { method: 'GET', path });
    expect(r.status).toBe(200);
    expect(r.type).toMatch(/^application\/json/);
  });

  it('/metrics is open when metrics.token is not set', async () => {
    const r = await call(served.url, { method: 'GET', path: '/metrics' });
    expect(r.status).toBe(200);
    expect(r.type).toMatch(/^text\/plain; version=0\.0\.4/);
    expect(r.text).toMatch(/^# TYPE faultline_records_ingested_total counter$/m);
  });

  it('/metrics wants metrics.token when it is set: 401 without it or with another token', async () => {
    for (const token of [undefined, TOKENS.read, 'wrong']) {
      const r = await call(metricsGuarded.url, { method: 'GET', path: '/metrics' }, token);
      expect(r.status).toBe(401);
      expectError(r, 'unauthorized');
    }
    const r = await call(metricsGuarded.url, { method: 'GET', path: '/metrics' }, METRICS_TOKEN);
    expect(r.status).toBe(200);
    expect(r.text).toContain('faultline_engine_lag_seconds');
  });

  it('answers an unknown path with 404 in the error shape, and a wrong method with 405 or 404', async () => {
    expectError(await call(served.url, { method: 'GET', path: '/v2/nothing' }), 'not_found');
    const r = await call(served.url, { method: 'POST', path: '/v1/incidents' }, TOKENS.admin);
    expect([404, 405]).toContain(r.status);
    expect(r.type).toMatch(/^application\/json/);
    expect(JSON.parse(r.text)).toHaveProperty('error.code');
  });
});
