// Anthropic Messages emulation: JSON and SSE success formats, caps, JSON mode, headers.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeProvider, type FakeProvider } from '../src/index.js';
import { parseSse, post, requestFor } from './helpers.js';

let provider: FakeProvider;
beforeAll(async () => {
  provider = await startFakeProvider();
});
afterAll(() => provider.close());

interface Message {
  id: string;
  type: string;
  role: string;
  model: string;
  content: { type: string; text: string }[];
  stop_reason: string;
  stop_sequence: null;
  usage: { input_tokens: number; output_tokens: number };
}

describe('anthropic messages', () => {
  it('answers a Message with text, end_turn and usage, plus request-id and rate-limit headers', async () => {
    const { path, body } = requestFor('anthropic', { prompt: 'x'.repeat(40) });
    const res = await post(provider.url, path, body);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/json');
    expect(res.headers.get('request-id')).toMatch(/^req_011C[0-9A-Za-z]{20}$/);
    expect(res.headers.get('anthropic-ratelimit-requests-limit')).toBe('4000');
    expect(Number(res.headers.get('anthropic-ratelimit-requests-remaining'))).toBeLessThan(4000);
    expect(res.headers.get('anthropic-ratelimit-requests-reset')).toMatch(
      /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/,
    );
    const msg = (await res.json()) as Message;
    expect(msg).toMatchObject({ type: 'message', role: 'assistant', model: 'claude-opus-4-7' });
    expect(msg.id).toMatch(/^msg_01/);
    expect(msg.stop_reason).toBe('end_turn');
    expect(msg.stop_sequence).toBeNull();
    expect(msg.content).toHaveLength(1);
    expect(msg.content[0]?.type).toBe('text');
    const words = msg.content[0]?.text.split(' ').slice(1) ?? [];
    expect(words.length).toBe(msg.usage.output_tokens);
    expect(msg.usage.output_tokens).toBeGreaterThanOrEqual(20);
    expect(msg.usage.output_tokens).toBeLessThanOrEqual(80);
    expect(msg.usage.input_tokens).toBe(10);
  });

  it('gives the same text for the same seed, model and messages', async () => {
    const { path, body } = requestFor('anthropic');
    const a = (await (await post(provider.url, path, body)).json()) as Message;
    const b = (await (await post(provider.url, path, body)).json()) as Message;
    expect(a.content).toEqual(b.content);
    const other = { ...body, model: 'claude-haiku-4-5' };
    const c = (await (await post(provider.url, path, other)).json()) as Message;
    expect(c.content).not.toEqual(a.content);
  });

  it('streams message_start, content_block_start, ping, deltas, stop, message_delta, message_stop', async () => {
    const { path, body } = requestFor('anthropic', { stream: true });
    const res = await post(provider.url, path, body);
    expect(res.headers.get('content-type')).toMatch(/^text\/event-stream/);
    expect(res.headers.get('request-id')).toMatch(/^req_/);
    const events = parseSse(await res.text());
    const names = events.map((e) => e.event);
    expect(names.slice(0, 3)).toEqual(['message_start', 'content_block_start', 'ping']);
    expect(names.slice(-3)).toEqual(['content_block_stop', 'message_delta', 'message_stop']);
    const deltas = events.filter((e) => e.event === 'content_block_delta');
    for (const e of events) expect(JSON.parse(e.data)).toHaveProperty('type', e.event);
    for (const d of deltas) {
      const delta = (JSON.parse(d.data) as { delta: { type: string; text: string } }).delta;
      expect(delta.type).toBe('text_delta');
      expect(delta.text).toMatch(/^ \S+$/);
    }
    const last = JSON.parse(events.at(-2)?.data ?? '{}') as {
      delta: { stop_reason: string };
      usage: { output_tokens: number };
    };
    expect(last.delta.stop_reason).toBe('end_turn');
    expect(last.usage.output_tokens).toBe(deltas.length);
    const start = JSON.parse(events[0]?.data ?? '{}') as { message: Message };
    expect(start.message.content).toEqual([]);
    expect(start.message.stop_reason).toBeNull();
  });

  it('stops at max_tokens with stop_reason max_tokens', async () => {
    const { path, body } = requestFor('anthropic', { maxTokens: 5 });
    const msg = (await (await post(provider.url, path, body)).json()) as Message;
    expect(msg.stop_reason).toBe('max_tokens');
    expect(msg.usage.output_tokens).toBe(5);
    const streamed = requestFor('anthropic', { maxTokens: 5, stream: true });
    const events = parseSse(await (await post(provider.url, streamed.path, streamed.body)).text());
    expect(events.filter((e) => e.event === 'content_block_delta')).toHaveLength(5);
    expect(events.find((e) => e.event === 'message_delta')?.data).toContain('"max_tokens"');
  });

  it('answers a JSON object when output_config.format asks for json_schema', async () => {
    const { path, body } = requestFor('anthropic', { json: true });
    const msg = (await (await post(provider.url, path, body)).json()) as Message;
    const parsed = JSON.parse(msg.content[0]?.text ?? '') as { answer: string };
    expect(typeof parsed.answer).toBe('string');
    const beta = { ...body, output_config: undefined, output_format: { type: 'json_schema' } };
    const msg2 = (await (await post(provider.url, path, beta)).json()) as Message;
    expect(() => JSON.parse(msg2.content[0]?.text ?? '') as unknown).not.toThrow();
  });

  it('refuses a body without max_tokens like the API does', async () => {
    const res = await post(provider.url, '/v1/messages', { model: 'claude', messages: [] });
    expect(res.status).toBe(400);
    const body = (await res.json()) as { type: string; error: { type: string; message: string } };
    expect(body.type).toBe('error');
    expect(body.error).toEqual({
      type: 'invalid_request_error',
      message: 'max_tokens: Field required',
    });
  });
});
