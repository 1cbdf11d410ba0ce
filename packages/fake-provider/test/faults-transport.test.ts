// Transport and timing faults: reset, drop, stream_error, stall, latency, slow_tokens.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startFakeProvider, type FakeProvider, type Provider } from '../src/index.js';
import {
  PROVIDER_LIST,
  causeCode,
  parseSse,
  post,
  readUntilError,
  requestFor,
  streamText,
} from './helpers.js';

let provider: FakeProvider;
beforeAll(async () => {
  provider = await startFakeProvider();
});
afterEach(() => provider.clearFaults());
afterAll(() => provider.close());

function call(p: Provider, stream: boolean): Promise<Response> {
  const { path, body } = requestFor(p, { stream });
  return post(provider.url, path, body);
}

describe('reset', () => {
  it.each(PROVIDER_LIST)('destroys the %s socket before any header', async (p) => {
    provider.addFaults({ provider: p, fault: { kind: 'reset' } });
    const error = await call(p, false).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(TypeError);
    expect(['ECONNRESET', 'UND_ERR_SOCKET']).toContain(causeCode(error));
  });
});

describe('drop', () => {
  it.each(PROVIDER_LIST)('closes the %s stream after N tokens', async (p) => {
    provider.addFaults({ fault: { kind: 'drop', afterTokens: 4 } });
    const res = await call(p, true);
    expect(res.status).toBe(200);
    const { text, error } = await readUntilError(res);
    expect(error).toBeInstanceOf(TypeError);
    expect(causeCode(error)).toBe('UND_ERR_SOCKET');
    expect(streamText(p, parseSse(text)).split(' ')).toHaveLength(5);
    expect(text).not.toContain('message_stop');
    expect(text).not.toContain('[DONE]');
  });

  it.each(PROVIDER_LIST)('cuts a %s JSON body short of its content-length', async (p) => {
    provider.addFaults({ fault: { kind: 'drop', afterTokens: 0 } });
    const res = await call(p, false);
    expect(res.status).toBe(200);
    const length = Number(res.headers.get('content-length'));
    const { text, error } = await readUntilError(res);
    expect(error).toBeInstanceOf(TypeError);
    expect(text.length).toBeGreaterThan(0);
    expect(text.length).toBeLessThan(length);
  });
});

describe('stream_error', () => {
  it('sends Anthropic event: error (overloaded_error) after N tokens, with no message_stop', async () => {
    provider.addFaults({ fault: { kind: 'stream_error', afterTokens: 3 } });
    const events = parseSse(await (await call('anthropic', true)).text());
    expect(events.filter((e) => e.event === 'content_block_delta')).toHaveLength(3);
    expect(events.at(-1)).toEqual({
      event: 'error',
      data: '{"type":"error","error":{"type":"overloaded_error","message":"Overloaded"}}',
    });
  });

  it('sends the error as the first Anthropic event when afterTokens is 0', async () => {
    provider.addFaults({
      fault: { kind: 'stream_error', afterTokens: 0, errorType: 'api_error', message: 'boom' },
    });
    const events = parseSse(await (await call('anthropic', true)).text());
    expect(events).toEqual([
      { event: 'error', data: '{"type":"error","error":{"type":"api_error","message":"boom"}}' },
    ]);
  });

  it('sends an OpenAI data: {"error":…} chunk, default server_error, and no [DONE]', async () => {
    provider.addFaults({ fault: { kind: 'stream_error', afterTokens: 2 } });
    const events = parseSse(await (await call('openai', true)).text());
    expect(events).toHaveLength(4);
    const last = JSON.parse(events.at(-1)?.data ?? '{}') as { error: Record<string, unknown> };
    expect(last.error).toMatchObject({ type: 'server_error', param: null, code: null });
    expect(events.some((e) => e.data === '[DONE]')).toBe(false);
  });

  it('sends a Gemini chunk {"error":{"code":500,…,"status":"INTERNAL"}}', async () => {
    provider.addFaults({ fault: { kind: 'stream_error', afterTokens: 1 } });
    const events = parseSse(await (await call('google', true)).text());
    expect(events).toHaveLength(2);
    const last = JSON.parse(events[1]?.data ?? '{}') as { error: Record<string, unknown> };
    expect(last.error).toMatchObject({ code: 500, status: 'INTERNAL' });
  });

  it('maps a Gemini status word to its code', async () => {
    provider.addFaults({
      fault: { kind: 'stream_error', afterTokens: 0, errorType: 'UNAVAILABLE' },
    });
    const events = parseSse(await (await call('google', true)).text());
    expect(JSON.parse(events[0]?.data ?? '{}')).toMatchObject({
      error: { code: 503, status: 'UNAVAILABLE' },
    });
  });
});

describe('stall', () => {
  it.each(PROVIDER_LIST)('pauses the %s stream for ms after N tokens, then finishes', async (p) => {
    provider.addFaults({ fault: { kind: 'stall', afterTokens: 2, ms: 150 } });
    const started = Date.now();
    const res = await call(p, true);
    const text = await res.text();
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
    const last = parseSse(text).at(-1);
    if (p === 'anthropic') expect(last?.event).toBe('message_stop');
    if (p === 'openai') expect(last?.data).toBe('[DONE]');
    if (p === 'google') expect(last?.data).toContain('"finishReason":"STOP"');
  });

  it('sends headers, then holds a JSON body for ms', async () => {
    provider.addFaults({ fault: { kind: 'stall', afterTokens: 0, ms: 150 } });
    const res = await call('openai', false);
    const headersAt = Date.now();
    expect(res.status).toBe(200);
    await res.json();
    expect(Date.now() - headersAt).toBeGreaterThanOrEqual(100);
  });

  it('holds forever without ms until the client gives up, and close() still returns', async () => {
    const fake = await startFakeProvider({
      faults: [{ fault: { kind: 'stall', afterTokens: 1 } }],
    });
    const { path, body } = requestFor('anthropic', { stream: true });
    const res = await post(fake.url, path, body);
    const reader = res.body?.getReader();
    const first = await reader?.read();
    expect(first?.done).toBe(false);
    const next = reader?.read();
    const timeout = new Promise((resolve) => setTimeout(() => resolve('waiting'), 200));
    expect(await Promise.race([next, timeout])).toBe('waiting');
    const started = Date.now();
    await fake.close();
    expect(Date.now() - started).toBeLessThan(1000);
    await expect(next).rejects.toThrow();
  });
});

describe('latency and slow_tokens', () => {
  it('delays the headers by ms and combines with the main fault', async () => {
    provider.addFaults([
      { fault: { kind: 'latency', ms: 150 } },
      { fault: { kind: 'status', status: 500 } },
    ]);
    const started = Date.now();
    const res = await call('anthropic', false);
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
    expect(res.status).toBe(500);
  });

  it('paces tokens at tokensPerSecond', async () => {
    provider.addFaults({ fault: { kind: 'slow_tokens', tokensPerSecond: 100 } });
    const { path, body } = requestFor('openai', { stream: true, maxTokens: 10 });
    const started = Date.now();
    const events = parseSse(await (await post(provider.url, path, body)).text());
    expect(Date.now() - started).toBeGreaterThanOrEqual(90);
    expect(events.at(-1)?.data).toBe('[DONE]');
  });

  it('uses the server tokensPerSecond by default', async () => {
    const fake = await startFakeProvider({ tokensPerSecond: 100 });
    try {
      const { path, body } = requestFor('google', { stream: true, maxTokens: 10 });
      const started = Date.now();
      await (await post(fake.url, path, body)).text();
      expect(Date.now() - started).toBeGreaterThanOrEqual(90);
    } finally {
      await fake.close();
    }
  });
});
