// fetch's own refusals before anything is sent are our integration's error, not a network failure.
import { classify } from '@faultline/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMemorySink, instrumentFetch } from '../../src/index.js';
import { startRawServer, type RawServer } from '../raw-server.js';

let server: RawServer;
beforeAll(async () => {
  server = await startRawServer();
  server.handle('/v1/chat/completions', (_q, res) =>
    res.writeHead(200, { 'content-type': 'application/json' }).end('{}'),
  );
});
afterAll(() => server.close());

const PASSWORD = 'hunter2-opaque-password';
const REFUSALS: Record<string, () => [string, RequestInit]> = {
  'a GET with a body': () => [`${server.url}/v1/chat/completions`, { method: 'GET', body: '{}' }],
  'a URL with credentials': () => [
    server.url.replace('//', `//user:${PASSWORD}@`) + '/v1/chat/completions',
    { method: 'POST', body: '{}' },
  ],
  'an invalid header value': () => [
    `${server.url}/v1/chat/completions`,
    { method: 'POST', body: '{}', headers: { 'x-bad': 'a\u0000b' } },
  ],
  'an invalid method': () => [`${server.url}/v1/chat/completions`, { method: 'BAD METHOD' }],
};

describe('a request fetch refuses before sending', () => {
  it.each(Object.keys(REFUSALS))('%s: integration/client_error with its message', async (name) => {
    const [url, init] = REFUSALS[name]!();
    const native = await fetch(url, init).then(
      () => 'resolved',
      (e: unknown) => String(e),
    );
    const sink = createMemorySink();
    const f = instrumentFetch({ provider: 'openai', sink });
    const instrumented = await f(url, init).then(
      () => 'resolved',
      (e: unknown) => String(e),
    );
    expect(instrumented).toBe(native);
    const r = sink.records[0]!;
    expect(r.network_error).toBeUndefined();
    expect(r.error_message).toBeTruthy();
    expect(JSON.stringify(r)).not.toContain(PASSWORD);
    expect(classify(r)).toMatchObject({ layer: 'integration', reason: 'client_error' });
  });

  it('still records a real network failure (fetch failed with a cause) by its code', async () => {
    const closed = await startRawServer();
    const url = closed.url;
    await closed.close();
    const sink = createMemorySink();
    const f = instrumentFetch({ provider: 'openai', sink });
    await f(`${url}/v1/chat/completions`, { method: 'POST', body: '{}' }).catch(() => undefined);
    expect(sink.records[0]).toMatchObject({ network_error: 'ECONNREFUSED' });
    expect(sink.records[0]!.error_message).toBeUndefined();
  });
});
