// Keys and prompt text never reach a record, whatever route the provider's message takes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMemorySink, instrumentFetch } from '../../src/index.js';
import { startRawServer, type RawServer } from '../raw-server.js';

const PROMPT = 'Summarise the confidential merger memo for Project Bluebird before Friday.';
/** Opaque keys: no known shape, so only redaction by value can catch them. */
const KEYS = {
  bearer: 'proxy-token-9f8e7d6c5b',
  xApiKey: 'tenant-key-1a2b3c4d5e',
  apiKey: 'azure-key-aa11bb22cc33',
  goog: 'goog-key-5566778899aa',
  query: 'query-key-0f0e0d0c0b',
};

let server: RawServer;
let lastMessage = '';
beforeAll(async () => {
  server = await startRawServer();
  const json = { 'content-type': 'application/json', 'request-id': 'req_1' };
  // Echoes whatever message the test asks for, in each provider's error shape.
  server.handle('/v1/chat/completions', (_req, res) =>
    res.writeHead(400, json).end(
      JSON.stringify({
        error: { message: lastMessage, type: 'invalid_request_error', code: null },
      }),
    ),
  );
  server.handle('/v1beta/models/gemini-2.5-pro:generateContent', (_req, res) =>
    res
      .writeHead(400, json)
      .end(
        JSON.stringify({ error: { code: 400, message: lastMessage, status: 'INVALID_ARGUMENT' } }),
      ),
  );
  server.handle('/v1/messages', (_req, res) => {
    res.writeHead(200, { 'content-type': 'text/event-stream', 'request-id': 'req_2' });
    res.write(
      'event: message_start\ndata: {"type":"message_start","message":{"usage":{"input_tokens":3,"output_tokens":1}}}\n\n',
    );
    res.end(
      `event: error\ndata: ${JSON.stringify({ type: 'error', error: { type: 'api_error', message: lastMessage } })}\n\n`,
    );
  });
  server.handle('/v1/responses', (_req, res) => {
    res.writeHead(200, { 'content-type': 'text/event-stream' });
    res.end(
      `data: ${JSON.stringify({ error: { type: 'server_error', code: 'x', message: lastMessage } })}\n\n`,
    );
  });
});
afterAll(() => server.close());

/** Makes one call whose error message is `message`; returns the records as JSON text. */
async function recordFor(
  provider: string,
  path: string,
  message: string,
  headers: Record<string, string>,
  body: object,
): Promise<string> {
  lastMessage = message;
  const sink = createMemorySink();
  const f = instrumentFetch({ provider, sink });
  const res = await f(server.url + path, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  await res.text();
  expect(sink.records).toHaveLength(1);
  expect(sink.records[0]!.error_message).toBeDefined();
  return JSON.stringify(sink.records);
}

const chat = { model: 'gpt-5.1', messages: [{ role: 'user', content: PROMPT }] };
const gemini = { contents: [{ role: 'user', parts: [{ text: PROMPT }] }] };
const claude = {
  model: 'claude-opus-4-7',
  max_tokens: 9,
  stream: true,
  messages: [{ role: 'user', content: PROMPT }],
};

function expectClean(text: string): void {
  for (const key of Object.values(KEYS)) expect(text).not.toContain(key);
  for (let at = 0; at + 16 <= PROMPT.length; at += 4)
    expect(text).not.toContain(PROMPT.slice(at, at + 16));
}

describe('redaction in records', () => {
  it('removes a lower-case bearer token by value from an error body message', async () => {
    const text = await recordFor(
      'openai',
      '/v1/chat/completions',
      `Incorrect API key provided: ${KEYS.bearer}.`,
      { authorization: `bearer ${KEYS.bearer}` },
      chat,
    );
    expectClean(text);
    expect(text).toContain('Incorrect API key provided: [redacted].');
  });

  it('removes x-api-key, api-key and x-goog-api-key values, and key= from echoed URLs', async () => {
    const message = `keys ${KEYS.xApiKey} ${KEYS.apiKey} ${KEYS.goog} at https://g.test/v1beta/models/m:generateContent?key=${KEYS.query}&alt=sse`;
    const text = await recordFor(
      'google',
      `/v1beta/models/gemini-2.5-pro:generateContent?key=${KEYS.query}`,
      message,
      { 'x-api-key': KEYS.xApiKey, 'api-key': KEYS.apiKey, 'x-goog-api-key': KEYS.goog },
      gemini,
    );
    expectClean(text);
  });

  it('scrubs an error event inside a stream like an error body (key and prompt)', async () => {
    const text = await recordFor(
      'anthropic',
      '/v1/messages',
      `overloaded for key ${KEYS.xApiKey} on input: ${PROMPT}`,
      { 'x-api-key': KEYS.xApiKey },
      claude,
    );
    expectClean(text);
    expect(text).toContain('"stream_error_type":"api_error"');
  });

  it('scrubs an OpenAI error chunk mid-stream, including shaped keys it never saw', async () => {
    const text = await recordFor(
      'openai',
      '/v1/responses',
      `failed for sk-proj-Zz99Yy88Xx77Ww66 on '${PROMPT}'`,
      {},
      { model: 'gpt-5.1', stream: true, input: PROMPT },
    );
    expectClean(text);
    expect(text).not.toContain('Zz99Yy88');
  });

  it.each([
    [
      'OpenAI invalid value quoting the prompt',
      'openai',
      '/v1/chat/completions',
      `Invalid value for 'messages[0].content': expected a string, got '${PROMPT}'.`,
      chat,
    ],
    [
      'Gemini payload excerpt',
      'google',
      '/v1beta/models/gemini-2.5-pro:generateContent',
      `Invalid JSON payload received. Unexpected token.\n{"contents": [{"parts":[{"text": "${PROMPT}`,
      gemini,
    ],
    [
      'Anthropic-style location then the text, unquoted',
      'openai',
      '/v1/chat/completions',
      `messages.0.content: unexpected text ${PROMPT.slice(10, 50)} in block`,
      chat,
    ],
  ])(
    'keeps no prompt text from a validation error: %s',
    async (_name, provider, path, message, body) => {
      const text = await recordFor(provider, path, message, {}, body);
      expectClean(text);
    },
  );
});
