// Who may drive the admin API: loopback Host, same-origin only, JSON bodies, a token beyond loopback.
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isConfigError, startFakeProvider, type FakeProvider } from '../src/index.js';

let fake: FakeProvider;
beforeAll(async () => {
  fake = await startFakeProvider();
});
afterAll(() => fake.close());

const RULE = JSON.stringify({ fault: { kind: 'overload' } });

/** A raw request, so that Host and Origin can be set as a browser or attacker would. */
function raw(
  base: string,
  method: string,
  path: string,
  headers: Record<string, string>,
  body?: string,
): Promise<{ status: number; body: string; headers: Record<string, unknown> }> {
  return new Promise((resolve, reject) => {
    const req = request(new URL(`/_faultline${path}`, base), { method, headers }, (res) => {
      let text = '';
      res.setEncoding('utf8').on('data', (d: string) => (text += d));
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, body: text, headers: res.headers }),
      );
    });
    req.on('error', reject);
    req.end(body);
  });
}

describe('admin API access', () => {
  it('refuses a Host that is not loopback (a DNS-rebinding page sends its own name)', async () => {
    const r = await raw(
      fake.url,
      'POST',
      '/faults',
      {
        host: `attacker.example:${fake.port}`,
        'content-type': 'application/json',
      },
      RULE,
    );
    expect(r.status).toBe(403);
    expect(r.body).toMatch(/DNS-rebinding/);
    expect(fake.listFaults()).toEqual([]);
    expect((await raw(fake.url, 'GET', '/faults', { host: 'evil.test' })).status).toBe(403);
  });

  it.each(['localhost', '127.0.0.1', '[::1]'])('accepts Host %s', async (name) => {
    const r = await raw(fake.url, 'GET', '/health', { host: `${name}:${fake.port}` });
    expect(r.status).toBe(200);
  });

  it.each(['http://attacker.example', 'http://localhost:OTHER_PORT', 'null'])(
    'refuses a cross-origin request from %s',
    async (origin) => {
      const r = await raw(
        fake.url,
        'POST',
        '/faults',
        {
          origin: origin.replace('OTHER_PORT', String(fake.port + 1)),
          'content-type': 'application/json',
        },
        RULE,
      );
      expect(r.status).toBe(403);
      expect(r.body).toMatch(/cross-origin/);
      expect(fake.listFaults()).toEqual([]);
    },
  );

  it('accepts an Origin that is the server itself', async () => {
    const r = await raw(fake.url, 'GET', '/faults', { origin: fake.url });
    expect(r.status).toBe(200);
  });

  it.each([
    ['text/plain', 'POST', '/faults'],
    ['application/x-www-form-urlencoded', 'POST', '/faults'],
    ['', 'POST', '/faults'],
    ['text/plain', 'PUT', '/scenario'],
  ])(
    'refuses a %s body on %s %s with 415 (what a cross-site form could send)',
    async (type, method, path) => {
      const headers: Record<string, string> = type === '' ? {} : { 'content-type': type };
      const r = await raw(fake.url, method, path, headers, RULE);
      expect(r.status).toBe(415);
      expect(r.body).toMatch(/content-type must be application\/json/);
      expect(fake.listFaults()).toEqual([]);
    },
  );

  it('still takes YAML scenarios with a yaml content type', async () => {
    const yaml = 'name: y\nphases:\n  - name: a\n    duration: 1m\n    faults: []\n';
    const r = await raw(fake.url, 'PUT', '/scenario', { 'content-type': 'application/yaml' }, yaml);
    expect(r.status).toBe(200);
    fake.stopScenario();
  });
});

describe('admin token', () => {
  it('refuses to bind beyond loopback without a token', async () => {
    const error = await startFakeProvider({ host: '0.0.0.0' }).then(
      (p) => p.close().then(() => undefined),
      (e: unknown) => e,
    );
    expect(isConfigError(error)).toBe(true);
    expect(String(error)).toMatch(/beyond loopback.*adminToken/);
  });

  it('requires the Bearer token on every admin call when one is set, from any Host', async () => {
    const guarded = await startFakeProvider({ host: '0.0.0.0', adminToken: 's3cret' });
    try {
      const base = `http://127.0.0.1:${guarded.port}`;
      const none = await raw(base, 'GET', '/faults', {});
      expect(none.status).toBe(401);
      expect(none.headers['www-authenticate']).toMatch(/^Bearer/);
      const wrong = await raw(base, 'GET', '/faults', { authorization: 'Bearer s3cre' });
      expect(wrong.status).toBe(401);
      const added = await raw(
        base,
        'POST',
        '/faults',
        {
          authorization: 'Bearer s3cret',
          'content-type': 'application/json',
          host: `fake-provider:${guarded.port}`,
        },
        RULE,
      );
      expect(added.status).toBe(201);
      expect(guarded.listFaults()).toHaveLength(1);
    } finally {
      await guarded.close();
    }
  });
});
