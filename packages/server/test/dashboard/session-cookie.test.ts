// The dashboard's cookie over plain HTTP: sign-in sets it, reads accept it, writes need the
// dashboard header too, bearer tokens keep working, and assets stay inside their folder.
import { readdirSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DASHBOARD_DIR } from '../../src/dashboard/index.js';
import { startDashboardService, TOKENS, type DashboardService } from './dashboard-service.js';

let served: DashboardService;
beforeAll(async () => {
  served = await startDashboardService();
});
afterAll(async () => served?.close());

async function signIn(token: string): Promise<Response> {
  return fetch(`${served.url}/sign-in`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ token }).toString(),
  });
}

async function cookieOf(token: string): Promise<string> {
  const res = await signIn(token);
  expect(res.status).toBe(303);
  return (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
}

describe('the dashboard session cookie', () => {
  it('is HttpOnly and SameSite=Strict, Secure only behind https', async () => {
    const res = await signIn(TOKENS.read);
    expect(res.headers.get('location')).toBe('/');
    expect(res.headers.get('set-cookie')).toBe(
      `faultline_session=${TOKENS.read}; Path=/; HttpOnly; SameSite=Strict`,
    );
    const proxied = await fetch(`${served.url}/sign-in`, {
      method: 'POST',
      redirect: 'manual',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        'x-forwarded-proto': 'https',
      },
      body: `token=${TOKENS.read}`,
    });
    expect(proxied.headers.get('set-cookie')).toMatch(/; Secure$/);
  });

  it('refuses unknown and ingest tokens with the form again and no cookie', async () => {
    for (const token of ['nope', TOKENS.ingest]) {
      const res = await signIn(token);
      expect(res.status).toBe(401);
      expect(res.headers.get('set-cookie')).toBeNull();
      expect(await res.text()).toContain('<form method="post" action="/sign-in">');
    }
  });

  it('authorises GET /v1/* by cookie; a write needs the dashboard header and the admin role', async () => {
    const read = await cookieOf(TOKENS.read);
    expect((await fetch(`${served.url}/v1/health`, { headers: { cookie: read } })).status).toBe(
      200,
    );
    expect((await fetch(`${served.url}/v1/health`)).status).toBe(401);
    expect(
      (
        await fetch(`${served.url}/v1/health`, {
          headers: { authorization: `Bearer ${TOKENS.read}` },
        })
      ).status,
    ).toBe(200);
    const publish = `${served.url}/v1/incidents/none/updates/investigating/publish`;
    const admin = await cookieOf(TOKENS.admin);
    // A cross-site form could send the cookie (were SameSite ignored) but never this header.
    expect((await fetch(publish, { method: 'POST', headers: { cookie: admin } })).status).toBe(401);
    const withHeader = { 'x-faultline-dashboard': '1' };
    expect(
      (await fetch(publish, { method: 'POST', headers: { cookie: read, ...withHeader } })).status,
    ).toBe(403);
    expect(
      (await fetch(publish, { method: 'POST', headers: { cookie: admin, ...withHeader } })).status,
    ).toBe(404);
  });

  it('serves the shell only when signed in, and nothing outside the assets folder', async () => {
    const anonymous = await (await fetch(`${served.url}/incidents/x`)).text();
    expect(anonymous).toContain('Read or admin token');
    const read = await cookieOf(TOKENS.read);
    const shell = await fetch(`${served.url}/`, { headers: { cookie: read } });
    expect(shell.headers.get('content-security-policy')).toContain("script-src 'self'");
    const html = await shell.text();
    const script = /src="(\/assets\/[^"]+\.js)"/.exec(html)?.[1];
    expect(script).toBeDefined();
    expect((await fetch(`${served.url}${script!}`)).headers.get('content-type')).toContain(
      'javascript',
    );
    for (const path of ['/assets/..%2Findex.html', '/assets/.hidden.js', '/assets/index.html'])
      expect([path, (await fetch(`${served.url}${path}`)).status]).toEqual([path, 404]);
    const session = await fetch(`${served.url}/dashboard/session`, { headers: { cookie: read } });
    expect(await session.json()).toEqual({ name: 'viewer', role: 'read' });
  });

  it('ships at most 150 kB of gzipped JavaScript', () => {
    const dir = new URL('assets/', DASHBOARD_DIR);
    const js = readdirSync(dir).filter((f) => f.endsWith('.js'));
    expect(js.length).toBeGreaterThan(0);
    const bytes = js.reduce((n, f) => n + gzipSync(readFileSync(new URL(f, dir))).length, 0);
    process.stdout.write(`dashboard JavaScript: ${(bytes / 1024).toFixed(1)} kB gzipped\n`);
    expect(bytes).toBeLessThanOrEqual(150 * 1024);
  });
});
