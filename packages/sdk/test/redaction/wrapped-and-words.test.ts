// An error wrapped inside a message keeps the provider's words; prompt text is cut from every word.
import { classify, type CallRecord } from '@faultline/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMemorySink, instrumentFetch } from '../../src/index.js';
import { startRawServer, type RawServer } from '../raw-server.js';

const PROMPT = 'Summarise the confidential merger memo for Project Bluebird before Friday.';
const VERTEX =
  '/v1/projects/p/locations/us-east5/publishers/anthropic/models/claude-sonnet-4:rawPredict';

let server: RawServer;
let reply: { status: number; type: string; body: string } = { status: 200, type: '', body: '' };
beforeAll(async () => {
  server = await startRawServer();
  for (const path of [
    VERTEX,
    '/v1/chat/completions',
    '/v1/messages',
    '/v1beta/models/g:generateContent',
  ])
    server.handle(path, (_q, res) =>
      res.writeHead(reply.status, { 'content-type': reply.type }).end(reply.body),
    );
});
afterAll(() => server.close());

async function recordOf(
  provider: string,
  path: string,
  status: number,
  body: object | string,
  type = 'application/json',
): Promise<CallRecord> {
  reply = { status, type, body: typeof body === 'string' ? body : JSON.stringify(body) };
  const sink = createMemorySink();
  const f = instrumentFetch({ provider, sink });
  const res = await f(server.url + path, {
    method: 'POST',
    body: JSON.stringify({
      model: 'm-1',
      max_tokens: 9,
      messages: [{ role: 'user', content: PROMPT }],
      contents: [{ parts: [{ text: PROMPT }] }],
    }),
  });
  await res.text();
  return sink.records[0]!;
}

const wrapped = (message: string, type = 'invalid_request_error'): object => ({
  error: {
    code: 400,
    status: 'INVALID_ARGUMENT',
    message: JSON.stringify({ type: 'error', error: { type, message } }),
  },
});

function expectNoPrompt(r: CallRecord): void {
  const text = JSON.stringify(r);
  for (let at = 0; at + 12 <= PROMPT.length; at += 3)
    expect(text).not.toContain(PROMPT.slice(at, at + 12));
}

describe('Claude on Vertex: the Anthropic error inside a Google 400', () => {
  it.each([
    ['prompt is too long: 210000 tokens > 200000 maximum', 'context_length'],
    ['Your credit balance is too low to access the Anthropic API.', 'billing'],
  ])('keeps the inner message "%s" and classifies from it', async (message, reason) => {
    const r = await recordOf('vertex', VERTEX, 400, wrapped(message));
    expect(r.error_message).toContain(message);
    expect(classify(r).reason).toBe(reason);
  });

  it('still cuts the prompt when the inner message quotes it', async () => {
    const r = await recordOf('vertex', VERTEX, 400, wrapped(`Invalid value: '${PROMPT}'`));
    expect(r.error_message).toContain('"type":"invalid_request_error"');
    expectNoPrompt(r);
  });

  it('masks request values under other keys of the wrapped JSON', async () => {
    const r = await recordOf('vertex', VERTEX, 400, {
      error: {
        status: 'INVALID_ARGUMENT',
        message: `bad input ${JSON.stringify({ content: 'hi Bob, my PIN is 4411' })}`,
      },
    });
    expect(r.error_message).toBe('bad input {"content":"[redacted]"}');
  });
});

describe('prompt text in provider words', () => {
  it('is cut from an error body code (OpenAI) and a Gemini ErrorInfo reason', async () => {
    const a = await recordOf('openai', '/v1/chat/completions', 400, {
      error: { type: 'invalid_request_error', code: PROMPT, message: 'bad' },
    });
    const b = await recordOf('google', '/v1beta/models/g:generateContent', 400, {
      error: {
        status: 'INVALID_ARGUMENT',
        message: 'bad',
        details: [{ '@type': 'type.googleapis.com/google.rpc.ErrorInfo', reason: PROMPT }],
      },
    });
    for (const r of [a, b]) {
      expect(r.error_code).toBe('[redacted]');
      expectNoPrompt(r);
    }
  });

  it('is cut from a stream error type and a stop reason', async () => {
    const sse = `data: ${JSON.stringify({ error: { type: PROMPT, message: 'x' } })}\n\n`;
    const a = await recordOf('openai', '/v1/chat/completions', 200, sse, 'text/event-stream');
    const b = await recordOf('anthropic', '/v1/messages', 200, {
      type: 'message',
      content: [{ type: 'text', text: 'ok' }],
      stop_reason: PROMPT,
      usage: { input_tokens: 1, output_tokens: 1 },
    });
    expect(a.stream_error_type).toBe('[redacted]');
    expect(b.stop_reason).toBe('[redacted]');
    for (const r of [a, b]) expectNoPrompt(r);
  });

  it('keeps ordinary provider words untouched', async () => {
    const r = await recordOf('anthropic', '/v1/messages', 200, {
      type: 'message',
      content: [{ type: 'text', text: 'ok' }],
      stop_reason: 'model_context_window_exceeded',
      usage: { input_tokens: 1, output_tokens: 1 },
    });
    expect(r.stop_reason).toBe('model_context_window_exceeded');
  });
});
