// OpenAI Chat Completions emulation: JSON and SSE success formats, usage chunk, caps, JSON mode.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeProvider, type FakeProvider } from '../src/index.js';
import { parseSse, post, requestFor } from './helpers.js';

let provider: FakeProvider;
beforeAll(async () => {
  provider = await startFakeProvider();
});
afterAll(() => provider.close());

interface ChatCompletion {
  id: string;
  object: string;
  created: number;
  model: string;
  choices: {
    index: number;
    message: { role: string; content: string | null; refusal: string | null };
    finish_reason: string;
  }[];
  usage: { prompt_tokens: number; completion_tokens: number; total_tokens: number };
}

interface Chunk {
  object: string;
  choices: { delta: { role?: string; content?: string }; finish_reason: string | null }[];
  usage?: { completion_tokens: number } | null;
}

describe('openai chat completions', () => {
  it('answers a chat.completion with usage and x-request-id, processing-ms and rate-limit headers', async () => {
    const { path, body } = requestFor('openai');
    const res = await post(provider.url, path, body);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/json');
    expect(res.headers.get('x-request-id')).toMatch(/^req_[0-9a-f]{32}$/);
    expect(res.headers.get('openai-processing-ms')).toMatch(/^\d+$/);
    expect(res.headers.get('x-ratelimit-limit-requests')).toBe('10000');
    expect(res.headers.get('x-ratelimit-remaining-requests')).toMatch(/^\d+$/);
    expect(res.headers.get('x-ratelimit-reset-requests')).toMatch(/^(\d+m)?[\d.]+m?s$/);
    const c = (await res.json()) as ChatCompletion;
    expect(c.object).toBe('chat.completion');
    expect(c.id).toMatch(/^chatcmpl-/);
    expect(c.model).toBe('gpt-4o-mini');
    expect(c.choices[0]?.message.role).toBe('assistant');
    expect(c.choices[0]?.message.refusal).toBeNull();
    expect(c.choices[0]?.finish_reason).toBe('stop');
    const text = c.choices[0]?.message.content ?? '';
    expect(text.split(' ').length - 1).toBe(c.usage.completion_tokens);
    expect(c.usage.total_tokens).toBe(c.usage.prompt_tokens + c.usage.completion_tokens);
  });

  it('streams chunks ending with data: [DONE], one token per delta', async () => {
    const { path, body } = requestFor('openai', { stream: true });
    const res = await post(provider.url, path, body);
    expect(res.headers.get('content-type')).toMatch(/^text\/event-stream/);
    const events = parseSse(await res.text());
    expect(events.at(-1)?.data).toBe('[DONE]');
    const chunks = events.slice(0, -1).map((e) => JSON.parse(e.data) as Chunk);
    for (const c of chunks) expect(c.object).toBe('chat.completion.chunk');
    expect(chunks[0]?.choices[0]?.delta.role).toBe('assistant');
    expect(chunks.at(-1)?.choices[0]?.finish_reason).toBe('stop');
    const tokens = chunks.slice(1, -1).map((c) => c.choices[0]?.delta.content);
    for (const t of tokens) expect(t).toMatch(/^ \S+$/);
    expect(chunks.some((c) => 'usage' in c)).toBe(false);
  });

  it('adds a final usage chunk with empty choices when stream_options.include_usage is set', async () => {
    const { path, body } = requestFor('openai', { stream: true });
    const res = await post(provider.url, path, {
      ...body,
      stream_options: { include_usage: true },
    });
    const events = parseSse(await res.text());
    const chunks = events.slice(0, -1).map((e) => JSON.parse(e.data) as Chunk);
    const last = chunks.at(-1);
    expect(last?.choices).toEqual([]);
    expect(last?.usage?.completion_tokens).toBe(chunks.length - 3);
    for (const c of chunks.slice(0, -1)) expect(c.usage).toBeNull();
  });

  it('honours max_tokens and max_completion_tokens with finish_reason length', async () => {
    const { path, body } = requestFor('openai', { maxTokens: 4 });
    const c = (await (await post(provider.url, path, body)).json()) as ChatCompletion;
    expect(c.choices[0]?.finish_reason).toBe('length');
    expect(c.usage.completion_tokens).toBe(4);
    const newer = { ...body, max_tokens: undefined, max_completion_tokens: 3 };
    const d = (await (await post(provider.url, path, newer)).json()) as ChatCompletion;
    expect(d.usage.completion_tokens).toBe(3);
    const s = requestFor('openai', { maxTokens: 2, stream: true });
    const events = parseSse(await (await post(provider.url, s.path, s.body)).text());
    expect(events.at(-2)?.data).toContain('"finish_reason":"length"');
  });

  it('answers valid JSON for response_format json_object and json_schema', async () => {
    for (const format of [{ type: 'json_object' }, { type: 'json_schema', json_schema: {} }]) {
      const { path, body } = requestFor('openai');
      const res = await post(provider.url, path, { ...body, response_format: format });
      const c = (await res.json()) as ChatCompletion;
      const parsed = JSON.parse(c.choices[0]?.message.content ?? '') as { answer: unknown };
      expect(typeof parsed.answer).toBe('string');
    }
  });

  it('refuses a body without messages with missing_required_parameter', async () => {
    const res = await post(provider.url, '/v1/chat/completions', { model: 'gpt-4o' });
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({
      error: {
        message: "Missing required parameter: 'messages'.",
        type: 'invalid_request_error',
        param: 'messages',
        code: 'missing_required_parameter',
      },
    });
  });
});
