// Successful calls that return no generated text are none/ok (or not recorded), through the real SDKs.
import Anthropic from '@anthropic-ai/sdk';
import { GoogleGenAI } from '@google/genai';
import OpenAI from 'openai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { classify, type CallRecord } from '@faultline/core';
import { createMemorySink, instrumentFetch } from '../../src/index.js';
import { startRawServer, type RawServer } from '../raw-server.js';

const JSON_TYPE = { 'content-type': 'application/json', 'x-request-id': 'req_endpoint' };
const EMBEDDING_B64 = Buffer.from(new Float32Array([0.25, -0.5, 0.125]).buffer).toString('base64');

/** Realistic success bodies, by path (shapes from each provider's API reference). */
const BODIES: Record<string, unknown> = {
  '/v1/embeddings': {
    object: 'list',
    data: [{ object: 'embedding', index: 0, embedding: EMBEDDING_B64 }],
    model: 'text-embedding-3-small',
    usage: { prompt_tokens: 3, total_tokens: 3 },
  },
  '/v1/moderations': {
    id: 'modr-1',
    model: 'omni-moderation-latest',
    results: [{ flagged: false, categories: {}, category_scores: {} }],
  },
  '/v1/models': {
    object: 'list',
    data: [{ id: 'gpt-5.1', object: 'model', created: 1, owned_by: 'openai' }],
    has_more: false,
    first_id: 'gpt-5.1',
    last_id: 'gpt-5.1',
  },
  '/v1/images/generations': { created: 1, data: [{ b64_json: 'iVBORw0KGgo=' }] },
  '/v1/messages/count_tokens': { input_tokens: 14 },
  '/v1/messages': {
    id: 'msg_1',
    type: 'message',
    role: 'assistant',
    model: 'claude-opus-4-7',
    content: [
      { type: 'server_tool_use', id: 'srvtoolu_1', name: 'web_search', input: { query: 'q' } },
    ],
    stop_reason: 'pause_turn',
    stop_sequence: null,
    usage: { input_tokens: 20, output_tokens: 31 },
  },
  '/v1beta/models/gemini-embedding-001:batchEmbedContents': {
    embeddings: [{ values: [0.1, 0.2, 0.3] }],
  },
  '/v1beta/models/gemini-2.5-pro:countTokens': { totalTokens: 7 },
  '/v1beta/models': { models: [{ name: 'models/gemini-2.5-pro', displayName: 'Gemini 2.5 Pro' }] },
  '/v1beta/models/gemini-2.5-flash-image:generateContent': {
    candidates: [
      {
        content: {
          role: 'model',
          parts: [{ inlineData: { mimeType: 'image/png', data: 'iVBO' } }],
        },
        finishReason: 'STOP',
      },
    ],
    usageMetadata: { promptTokenCount: 5, candidatesTokenCount: 1290, totalTokenCount: 1295 },
  },
};

let server: RawServer;
beforeAll(async () => {
  server = await startRawServer();
  for (const [path, body] of Object.entries(BODIES))
    server.handle(path, (_req, res) => res.writeHead(200, JSON_TYPE).end(JSON.stringify(body)));
});
afterAll(() => server.close());

function clients(provider: 'anthropic' | 'openai' | 'google') {
  const sink = createMemorySink();
  const fetch = instrumentFetch({ provider, sink });
  return {
    sink,
    anthropic: new Anthropic({ apiKey: 'sk-ant-x', baseURL: server.url, maxRetries: 0, fetch }),
    openai: new OpenAI({ apiKey: 'sk-x', baseURL: `${server.url}/v1`, maxRetries: 0, fetch }),
    google: new GoogleGenAI({ apiKey: 'AIza-x', httpOptions: { baseUrl: server.url, fetch } }),
  };
}

function expectOk(records: readonly CallRecord[], model: string): void {
  expect(records).toHaveLength(1);
  const r = records[0]!;
  expect(r).toMatchObject({ http_status: 200, model });
  expect(classify(r)).toMatchObject({ layer: 'none', reason: 'ok' });
}

describe('endpoints without generated text', () => {
  it('OpenAI embeddings, moderations and images are none/ok', async () => {
    const c = clients('openai');
    const e = await c.openai.embeddings.create({ model: 'text-embedding-3-small', input: 'hi' });
    expect(e.data[0]!.embedding).toEqual([0.25, -0.5, 0.125]);
    expectOk(c.sink.records, 'text-embedding-3-small');
    expect(c.sink.records[0]!.input_tokens).toBe(3);
    await c.openai.moderations.create({ model: 'omni-moderation-latest', input: 'hi' });
    await c.openai.images.generate({ model: 'gpt-image-1', prompt: 'a fault line' });
    for (const r of c.sink.records) expect(classify(r)).toMatchObject({ layer: 'none' });
    expect(c.sink.records.map((r) => r.model)).toEqual([
      'text-embedding-3-small',
      'omni-moderation-latest',
      'gpt-image-1',
    ]);
  });

  it('model lists are not model calls and leave no record', async () => {
    const c = clients('openai');
    expect((await c.openai.models.list()).data[0]!.id).toBe('gpt-5.1');
    const g = clients('google');
    await g.google.models.list();
    expect([...c.sink.records, ...g.sink.records]).toEqual([]);
  });

  it('Anthropic count_tokens and a pause_turn reply with only a server tool call are none/ok', async () => {
    const c = clients('anthropic');
    const params = {
      model: 'claude-opus-4-7',
      messages: [{ role: 'user' as const, content: 'hi' }],
    };
    expect((await c.anthropic.messages.countTokens(params)).input_tokens).toBe(14);
    expectOk(c.sink.records, 'claude-opus-4-7');
    expect(c.sink.records[0]!.input_tokens).toBe(14);
    const m = await c.anthropic.messages.create({ ...params, max_tokens: 64 });
    expect(m.stop_reason).toBe('pause_turn');
    expect(classify(c.sink.records[1]!)).toMatchObject({ layer: 'none', reason: 'ok' });
  });

  it('Gemini embedContent, countTokens and an image-only reply are none/ok', async () => {
    const c = clients('google');
    await c.google.models.embedContent({ model: 'gemini-embedding-001', contents: 'hi' });
    expectOk(c.sink.records, 'gemini-embedding-001');
    const t = await c.google.models.countTokens({ model: 'gemini-2.5-pro', contents: 'hi' });
    expect(t.totalTokens).toBe(7);
    expect(c.sink.records[1]).toMatchObject({ model: 'gemini-2.5-pro', input_tokens: 7 });
    const img = await c.google.models.generateContent({
      model: 'gemini-2.5-flash-image',
      contents: 'draw',
    });
    expect(img.candidates?.[0]?.finishReason).toBe('STOP');
    for (const r of c.sink.records)
      expect([r, classify(r)]).toMatchObject([{}, { layer: 'none', reason: 'ok' }]);
  });
});
