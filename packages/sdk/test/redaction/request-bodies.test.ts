// Prompt text never leaks whatever form the request body takes; gateway keys are redacted by value.
import { classify } from '@faultline/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMemorySink, instrumentFetch } from '../../src/index.js';
import { startRawServer, type RawServer } from '../raw-server.js';

const PROMPT = 'Summarise the confidential merger memo for Project Bluebird before Friday.';
const JSON_BODY = JSON.stringify({
  model: 'gpt-5.1',
  messages: [{ role: 'user', content: PROMPT }],
});
/** What `fetch` accepts as a body (the DOM's BodyInit, without the DOM library). */
type Body = NonNullable<RequestInit['body']>;
/** Stands for a `Request` input carrying the body itself. */
const REQUEST = Symbol('a Request input');
const bytes = (): Uint8Array => new TextEncoder().encode(JSON_BODY);

let server: RawServer;
let lastMessage = '';
beforeAll(async () => {
  server = await startRawServer();
  server.handle('/v1/chat/completions', (_q, res) =>
    res
      .writeHead(400, { 'content-type': 'application/json' })
      .end(JSON.stringify({ error: { message: lastMessage, type: 'invalid_request_error' } })),
  );
});
afterAll(() => server.close());

function expectNoPrompt(text: string): void {
  for (let at = 0; at + 12 <= PROMPT.length; at += 3)
    expect(text).not.toContain(PROMPT.slice(at, at + 12));
}

/** Each body form, with whether its text (and model) can be read without consuming it. */
const BODIES: Record<string, [() => Body | typeof REQUEST, readable: boolean]> = {
  Uint8Array: [bytes, true],
  Buffer: [() => Buffer.from(JSON_BODY), true],
  ArrayBuffer: [() => bytes().buffer as ArrayBuffer, true],
  DataView: [() => new DataView(bytes().buffer), true],
  'a Uint8Array view into a larger buffer': [
    () => {
      const b = bytes();
      const big = new Uint8Array(b.byteLength + 20);
      big.set(b, 10);
      return big.subarray(10, 10 + b.byteLength);
    },
    true,
  ],
  URLSearchParams: [() => new URLSearchParams({ model: 'x', prompt: PROMPT }), true],
  FormData: [
    () => {
      const f = new FormData();
      f.set('prompt', PROMPT);
      return f;
    },
    true,
  ],
  Blob: [() => new Blob([JSON_BODY]), false],
  ReadableStream: [
    () =>
      new ReadableStream({
        start(c) {
          c.enqueue(bytes());
          c.close();
        },
      }),
    false,
  ],
  'a Request input': [() => REQUEST, false],
};

describe('request bodies that are not strings', () => {
  it.each(Object.keys(BODIES))(
    '%s: the prompt quoted freely in an error never reaches the record',
    async (name) => {
      const [make, readable] = BODIES[name]!;
      lastMessage = `Could not process: ${PROMPT} -- too long`;
      const sink = createMemorySink();
      const f = instrumentFetch({ provider: 'openai', sink });
      const url = `${server.url}/v1/chat/completions`;
      const body = make();
      const res =
        body === REQUEST
          ? await f(new Request(url, { method: 'POST', body: JSON_BODY }))
          : await f(url, { method: 'POST', body, duplex: 'half' });
      expect(await res.text()).toContain('Project Bluebird'); // the caller's body went out whole
      const r = sink.records[0]!;
      expectNoPrompt(JSON.stringify(r));
      expect(r.error_message).toMatch(/^Could not process/);
      expect(classify(r)).toMatchObject({ layer: 'integration', reason: 'bad_request' });
      if (readable && name !== 'URLSearchParams' && name !== 'FormData')
        expect(r.model).toBe('gpt-5.1');
    },
  );

  it('an unreadable body keeps the error words a classification needs', async () => {
    lastMessage = `prompt is too long: 210000 tokens > 200000 maximum. Input: ${PROMPT}`;
    const sink = createMemorySink();
    const f = instrumentFetch({ provider: 'anthropic', sink });
    const stream = new Blob([JSON_BODY]).stream();
    const res = await f(`${server.url}/v1/chat/completions`, {
      method: 'POST',
      body: stream,
      duplex: 'half',
    });
    await res.text();
    const r = sink.records[0]!;
    expect(r.error_message).toBe('prompt is too long');
    expectNoPrompt(JSON.stringify(r));
  });
});

describe('gateway key headers', () => {
  const KEY = 'opaque-gateway-credential-42';
  it.each([
    'x-portkey-api-key',
    'Ocp-Apim-Subscription-Key',
    'X-Auth-Token',
    'x-litellm-secret',
    'cf-aig-authorization',
  ])('%s is redacted from messages by value', async (header) => {
    lastMessage = `key ${KEY} rejected`;
    const sink = createMemorySink();
    const f = instrumentFetch({ provider: 'openai', sink });
    const res = await f(`${server.url}/v1/chat/completions`, {
      method: 'POST',
      headers: { [header]: KEY },
      body: JSON_BODY,
    });
    await res.text();
    expect(sink.records[0]!.error_message).toBe('key [redacted] rejected');
  });
});
