// What a hostile or careless client cannot do to the fake: huge bodies, bad encodings, huge timers.
import { request } from 'node:http';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startFakeProvider, type FakeProvider } from '../src/index.js';
import { dig, post, requestFor } from './helpers.js';

const LIMIT = 64 * 1024;
let provider: FakeProvider;
const warnings: Error[] = [];
const onWarning = (w: Error): void => void warnings.push(w);
beforeAll(async () => {
  provider = await startFakeProvider({ maxBodyBytes: LIMIT });
  process.on('warning', onWarning);
});
afterEach(() => provider.clearFaults());
afterAll(async () => {
  process.off('warning', onWarning);
  await provider.close();
});

/** Sends `total` bytes in 16 KiB chunks without a content-length; resolves with the answer. */
function sendChunked(
  path: string,
  total: number,
): Promise<{ status: number; body: string; sent: number }> {
  const url = new URL(path, provider.url);
  return new Promise((resolve, reject) => {
    let sent = 0;
    const req = request(url, { method: 'POST', headers: { 'content-type': 'application/json' } });
    req.on('response', (res) => {
      let body = '';
      res.setEncoding('utf8').on('data', (d: string) => (body += d));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body, sent }));
    });
    req.on('error', reject);
    const chunk = Buffer.alloc(16 * 1024, 0x20);
    const pump = (): void => {
      while (sent < total) {
        sent += chunk.length;
        if (!req.write(chunk)) return void req.once('drain', pump);
      }
      req.end();
    };
    pump();
  });
}

describe('request body limit', () => {
  it('answers 413 in the provider error shape when content-length is past the limit', async () => {
    const { path } = requestFor('anthropic');
    const res = await post(provider.url, path, ' '.repeat(LIMIT + 1));
    expect(res.status).toBe(413);
    expect(res.headers.get('connection')).toBe('close');
    const body = await res.json();
    expect(dig(body, 'type')).toBe('error');
    expect(dig(body, 'error', 'type')).toBe('request_too_large');
  });

  it.each([
    ['openai', (b: unknown) => dig(b, 'error', 'type'), 'invalid_request_error'],
    ['google', (b: unknown) => dig(b, 'error', 'code'), 413],
  ] as const)(
    'stops reading a chunked %s body past the limit and answers 413',
    async (p, pick, want) => {
      const { path } = requestFor(p);
      const r = await sendChunked(path, 64 * 1024 * 1024);
      expect(r.status).toBe(413);
      expect(pick(JSON.parse(r.body))).toBe(want);
      // The fake closed the connection long before the client could send 64 MiB.
      expect(r.sent).toBeLessThan(32 * 1024 * 1024);
    },
  );

  it('limits admin bodies too, with a plain JSON error', async () => {
    const r = await sendChunked('/_faultline/faults', 8 * 1024 * 1024);
    expect(r.status).toBe(413);
    expect((JSON.parse(r.body) as { error: string }).error).toMatch(/65536 bytes/);
  });

  it('still serves bodies under the limit', async () => {
    const { path, body } = requestFor('openai', { prompt: 'x'.repeat(LIMIT / 2) });
    expect((await post(provider.url, path, body)).status).toBe(200);
  });
});

describe('percent-encoding', () => {
  it.each([
    '/v1beta/models/gemini%zz:generateContent',
    '/v1beta/models/gemini-2.5-flash:generateContent?alt=%E0%A4%A',
    '/v1/messages?beta=%',
  ])('answers 400, not 500, for %s', async (path) => {
    const { body } = requestFor(path.startsWith('/v1beta') ? 'google' : 'anthropic');
    const res = await post(provider.url, path, body);
    expect(res.status).toBe(400);
    expect(await res.text()).toMatch(/percent-encoding/);
  });

  it('answers 400 for a bad rule id in an admin path', async () => {
    const res = await fetch(`${provider.url}/_faultline/faults/%E0%A4%A`, { method: 'DELETE' });
    expect(res.status).toBe(400);
  });
});

describe('fault timers', () => {
  it('holds a 1e12 ms latency instead of firing at once with a TimeoutOverflowWarning', async () => {
    provider.addFaults({ fault: { kind: 'latency', ms: 1e12 } });
    const { path, body } = requestFor('anthropic');
    const outcome = await fetch(provider.url + path, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(300),
    }).then(
      (res) => `answered ${res.status}`,
      (e: unknown) => (e instanceof Error ? e.name : String(e)),
    );
    expect(outcome).toBe('TimeoutError');
    expect(warnings.map((w) => w.name)).not.toContain('TimeoutOverflowWarning');
  });

  it('holds a 1e12 ms stall too', async () => {
    provider.addFaults({ fault: { kind: 'stall', afterTokens: 0, ms: 1e12 } });
    const { path, body } = requestFor('openai');
    const res = await post(provider.url, path, body);
    expect(res.status).toBe(200);
    const outcome = await Promise.race([
      res.text().then(() => 'body arrived'),
      new Promise((r) => setTimeout(() => r('still stalled'), 300)),
    ]);
    expect(outcome).toBe('still stalled');
    expect(warnings.map((w) => w.name)).not.toContain('TimeoutOverflowWarning');
  });
});
