// Gemini generateContent emulation: JSON and SSE success formats, URL forms, caps, JSON mode.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeProvider, type FakeProvider } from '../src/index.js';
import { bodyText, post, requestFor } from './helpers.js';

let provider: FakeProvider;
beforeAll(async () => {
  provider = await startFakeProvider();
});
afterAll(() => provider.close());

interface GenerateContentResponse {
  candidates: {
    content?: { parts?: { text: string }[]; role: string };
    finishReason?: string;
    index: number;
  }[];
  usageMetadata: {
    promptTokenCount: number;
    candidatesTokenCount?: number;
    totalTokenCount: number;
  };
  modelVersion: string;
  responseId: string;
}

describe('gemini generateContent', () => {
  it('answers candidates with text, finishReason STOP, usageMetadata and modelVersion', async () => {
    const { path, body } = requestFor('google');
    const res = await post(provider.url, path, body);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    expect(res.headers.get('server')).toBe('scaffolding on HTTPServer2');
    const r = (await res.json()) as GenerateContentResponse;
    expect(r.candidates[0]?.content?.role).toBe('model');
    expect(r.candidates[0]?.finishReason).toBe('STOP');
    expect(r.modelVersion).toBe('gemini-2.5-flash');
    expect(r.responseId).toMatch(/^\w+$/);
    const words = bodyText('google', r).split(' ').length - 1;
    expect(r.usageMetadata.candidatesTokenCount).toBe(words);
    expect(r.usageMetadata.totalTokenCount).toBe(r.usageMetadata.promptTokenCount + words);
  });

  it('accepts the /v1/models prefix too', async () => {
    const { body } = requestFor('google');
    const res = await post(provider.url, '/v1/models/gemini-2.0-flash:generateContent', body);
    expect(res.status).toBe(200);
    expect(((await res.json()) as GenerateContentResponse).modelVersion).toBe('gemini-2.0-flash');
  });

  it('streams data: events separated by CRLF CRLF, the last carrying finishReason', async () => {
    const { path, body } = requestFor('google', { stream: true });
    const res = await post(provider.url, path, body);
    expect(res.headers.get('content-type')).toMatch(/^text\/event-stream/);
    const text = await res.text();
    const blocks = text.split('\r\n\r\n');
    expect(blocks.at(-1)).toBe('');
    const chunks = blocks
      .slice(0, -1)
      .map((b) => JSON.parse(b.replace(/^data: /, '')) as GenerateContentResponse);
    expect(chunks.length).toBeGreaterThanOrEqual(20);
    for (const c of chunks.slice(0, -1)) expect(c.candidates[0]?.finishReason).toBeUndefined();
    expect(chunks.at(-1)?.candidates[0]?.finishReason).toBe('STOP');
    expect(chunks.at(-1)?.usageMetadata.candidatesTokenCount).toBe(chunks.length);
    for (const c of chunks) expect(bodyText('google', c)).toMatch(/^ \S+$/);
  });

  it('stops at generationConfig.maxOutputTokens with MAX_TOKENS', async () => {
    const { path, body } = requestFor('google', { maxTokens: 6 });
    const r = (await (await post(provider.url, path, body)).json()) as GenerateContentResponse;
    expect(r.candidates[0]?.finishReason).toBe('MAX_TOKENS');
    expect(r.usageMetadata.candidatesTokenCount).toBe(6);
  });

  it('answers JSON when responseMimeType is application/json', async () => {
    const { path, body } = requestFor('google', { json: true });
    const r = (await (await post(provider.url, path, body)).json()) as GenerateContentResponse;
    expect(JSON.parse(bodyText('google', r))).toHaveProperty('answer');
  });

  it('refuses a body without contents with INVALID_ARGUMENT', async () => {
    const res = await post(provider.url, '/v1beta/models/gemini-2.5-flash:generateContent', {});
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: { code: number; status: string } };
    expect(body.error.code).toBe(400);
    expect(body.error.status).toBe('INVALID_ARGUMENT');
  });
});
