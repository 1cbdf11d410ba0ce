// 200 bodies without output: a background response still to be generated, or an error in place of output.
import OpenAI from 'openai';
import { classify, type CallRecord } from '@faultline/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMemorySink, instrumentFetch } from '../../src/index.js';
import { startRawServer, type RawServer } from '../raw-server.js';

let server: RawServer;
let answer: object = {};
beforeAll(async () => {
  server = await startRawServer();
  for (const path of ['/v1/responses', '/v1/chat/completions', '/v1/messages'])
    server.handle(path, (_q, res) =>
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(answer)),
    );
});
afterAll(() => server.close());

const PROMPT = 'Draft the board letter about the Falcon acquisition';

async function recordOf(provider: string, path: string, body: object): Promise<CallRecord> {
  answer = body;
  const sink = createMemorySink();
  const f = instrumentFetch({ provider, sink });
  const res = await f(server.url + path, {
    method: 'POST',
    body: JSON.stringify({ model: 'gpt-5', input: PROMPT, messages: [] }),
  });
  await res.text();
  expect(sink.records).toHaveLength(1);
  return sink.records[0]!;
}

describe('OpenAI Responses background mode', () => {
  it.each(['queued', 'in_progress'])(
    'a %s response is none/ok, not an empty answer',
    async (status) => {
      const r = await recordOf('openai', '/v1/responses', {
        id: 'resp_1',
        object: 'response',
        status,
        background: true,
        output: [],
        usage: null,
      });
      expect(r.output_chars).toBeUndefined();
      expect(r.checks).toBeUndefined();
      expect(classify(r)).toMatchObject({ layer: 'none', reason: 'ok' });
    },
  );

  it('the real SDK creating a background response records none/ok', async () => {
    answer = { id: 'resp_1', object: 'response', status: 'queued', background: true, output: [] };
    const sink = createMemorySink();
    const client = new OpenAI({
      apiKey: 'sk-test',
      baseURL: `${server.url}/v1`,
      maxRetries: 0,
      fetch: instrumentFetch({ provider: 'openai', sink }),
    });
    const res = await client.responses.create({ model: 'gpt-5', input: 'hi', background: true });
    expect(res.status).toBe('queued');
    expect(classify(sink.records[0]!)).toMatchObject({ layer: 'none', reason: 'ok' });
  });

  it('a failed response records its error words, scrubbed of the prompt', async () => {
    const r = await recordOf('openai', '/v1/responses', {
      id: 'resp_1',
      object: 'response',
      status: 'failed',
      output: [],
      error: { code: 'server_error', message: `The model failed on: ${PROMPT}` },
    });
    expect(r).toMatchObject({ error_type: 'response.failed', error_code: 'server_error' });
    expect(r.error_message).toMatch(/^The model failed on:/);
    expect(JSON.stringify(r)).not.toContain('Falcon');
    expect(classify(r).layer).toBe('provider');
  });
});

describe('a gateway error in a 200 body', () => {
  it.each([
    ['openai', '/v1/chat/completions'],
    ['anthropic', '/v1/messages'],
  ])('%s: an error object is recorded with its words, never model/empty', async (p, path) => {
    const r = await recordOf(p, path, {
      error: { type: 'rate_limit_error', message: 'Upstream provider rate limited the request' },
    });
    expect(r).toMatchObject({ error_type: 'rate_limit_error' });
    expect(r.error_message).toContain('rate limited');
    expect(r.output_chars).toBeUndefined();
    expect(classify(r).layer).not.toBe('model');
  });

  it('an error string is recorded as a message with a generic type', async () => {
    const r = await recordOf('openai', '/v1/chat/completions', { error: 'upstream timed out' });
    expect(r).toMatchObject({ error_type: 'error', error_message: 'upstream timed out' });
    expect(classify(r).layer).not.toBe('model');
  });
});
