// Unknown paths and unparseable bodies get each provider's own error shape.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeProvider, type FakeProvider } from '../src/index.js';
import { dig, post } from './helpers.js';

let provider: FakeProvider;
beforeAll(async () => {
  provider = await startFakeProvider();
});
afterAll(() => provider.close());

describe('routing', () => {
  it('answers an unknown Anthropic path with not_found_error and a request-id', async () => {
    const res = await post(provider.url, '/v1/messages/nope', {});
    expect(res.status).toBe(404);
    expect(res.headers.get('request-id')).toMatch(/^req_/);
    const body = (await res.json()) as {
      type: string;
      error: { type: string };
      request_id: string;
    };
    expect(body.type).toBe('error');
    expect(body.error.type).toBe('not_found_error');
    expect(body.request_id).toBe(res.headers.get('request-id'));
  });

  it('answers an unknown OpenAI path with "Invalid URL" and a null code', async () => {
    const res = await fetch(`${provider.url}/v1/embeddingz`);
    expect(res.status).toBe(404);
    expect(res.headers.get('x-request-id')).toMatch(/^req_/);
    expect(await res.json()).toEqual({
      error: {
        message: 'Invalid URL (GET /v1/embeddingz)',
        type: 'invalid_request_error',
        param: null,
        code: null,
      },
    });
  });

  it('answers an unknown Gemini path with NOT_FOUND', async () => {
    const res = await post(provider.url, '/v1beta/models/gemini-2.5-flash:countTokenz', {});
    expect(res.status).toBe(404);
    const body = (await res.json()) as { error: { code: number; status: string } };
    expect(body.error).toMatchObject({ code: 404, status: 'NOT_FOUND' });
  });

  it('answers other paths with plain JSON', async () => {
    const res = await fetch(`${provider.url}/favicon.ico`);
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toBe('application/json');
    expect(await res.json()).toMatchObject({ error: 'not_found' });
  });

  it.each([
    ['/v1/messages', (b: unknown) => dig(b, 'error', 'type'), 'invalid_request_error'],
    ['/v1/chat/completions', (b: unknown) => dig(b, 'error', 'type'), 'invalid_request_error'],
    [
      '/v1beta/models/gemini-2.5-flash:generateContent',
      (b: unknown) => dig(b, 'error', 'status'),
      'INVALID_ARGUMENT',
    ],
  ])(
    'answers a bad JSON body on %s with 400 and the invalid-request error',
    async (path, pick, want) => {
      const res = await post(provider.url, path, '{"model": ');
      expect(res.status).toBe(400);
      expect(pick(await res.json())).toBe(want);
    },
  );

  it('counts requests to the emulated APIs but not admin calls', async () => {
    const before = provider.requestCount;
    await fetch(`${provider.url}/_faultline/health`);
    await post(provider.url, '/v1/messages', '{');
    expect(provider.requestCount).toBe(before + 1);
  });
});
