// Tool calls, legacy completions, Claude on Vertex and unknown paths, judged by endpoint and shape.
import OpenAI from 'openai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { classify } from '@faultline/core';
import { createMemorySink, instrumentFetch } from '../../src/index.js';
import { startRawServer, type RawServer } from '../raw-server.js';

const sse = (events: object[]): string =>
  events
    .map((e) => `event: ${(e as { type: string }).type}\ndata: ${JSON.stringify(e)}\n\n`)
    .join('');

const CALL = {
  type: 'function_call',
  id: 'fc_1',
  call_id: 'call_1',
  name: 'get_weather',
  arguments: '',
};
const RESPONSES_TOOL_ONLY = sse([
  {
    type: 'response.created',
    sequence_number: 0,
    response: { id: 'resp_1', status: 'in_progress', output: [] },
  },
  { type: 'response.output_item.added', sequence_number: 1, output_index: 0, item: CALL },
  {
    type: 'response.function_call_arguments.delta',
    sequence_number: 2,
    output_index: 0,
    item_id: 'fc_1',
    delta: '{"city":"Oslo"}',
  },
  {
    type: 'response.output_item.done',
    sequence_number: 3,
    output_index: 0,
    item: { ...CALL, arguments: '{"city":"Oslo"}' },
  },
  {
    type: 'response.completed',
    sequence_number: 4,
    response: {
      id: 'resp_1',
      status: 'completed',
      output: [CALL],
      usage: { input_tokens: 9, output_tokens: 12 },
    },
  },
]);

let server: RawServer;
beforeAll(async () => {
  server = await startRawServer();
  const json = (path: string, body: object): void =>
    server.handle(path, (_q, res) =>
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body)),
    );
  server.handle('/v1/responses', (_q, res) =>
    res.writeHead(200, { 'content-type': 'text/event-stream' }).end(RESPONSES_TOOL_ONLY),
  );
  json('/v1/completions', {
    id: 'cmpl-1',
    object: 'text_completion',
    choices: [{ index: 0, text: 'Hello there', finish_reason: 'stop' }],
    usage: { prompt_tokens: 2, completion_tokens: 3 },
  });
  json('/v1/projects/p/locations/l/publishers/anthropic/models/claude-opus-4-7:rawPredict', {
    type: 'message',
    content: [{ type: 'text', text: 'Hi from Vertex' }],
    stop_reason: 'end_turn',
    usage: { input_tokens: 4, output_tokens: 5 },
  });
  json('/custom/rerank', { results: [{ index: 0, relevance_score: 0.9 }] });
  server.handle('/v1/chat/completions', (_q, res) =>
    res.writeHead(200, { 'content-type': 'text/event-stream' }).end(),
  );
});
afterAll(() => server.close());

beforeAll(() => {
  server.handle('/edge/v1/chat/completions', (_q, res) =>
    res
      .writeHead(403, {
        'content-type': 'text/html',
        'cf-ray': '8f1e2d3c4b5a-FRA',
        server: 'cloudflare',
      })
      .end('<html>Forbidden</html>'),
  );
});

const post = (path: string, body: object): [string, RequestInit] => [
  server.url + path,
  { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) },
];

describe('response shapes', () => {
  it('an OpenAI Responses stream with only a function call is output, not empty (real SDK)', async () => {
    const sink = createMemorySink();
    const client = new OpenAI({
      apiKey: 'sk-x',
      baseURL: `${server.url}/v1`,
      maxRetries: 0,
      fetch: instrumentFetch({ provider: 'openai', sink }),
    });
    const stream = await client.responses.create({
      model: 'gpt-5.1',
      input: 'weather?',
      stream: true,
    });
    const types: string[] = [];
    for await (const ev of stream) types.push(ev.type);
    expect(types.at(-1)).toBe('response.completed');
    const r = sink.records[0]!;
    expect(r).toMatchObject({ stream: true, stream_completed: true, output_tokens: 12 });
    expect(r.ttft_ms).toBeGreaterThanOrEqual(0);
    expect(classify(r)).toMatchObject({ layer: 'none', reason: 'ok' });
  });

  it('a legacy completion counts its text', async () => {
    const sink = createMemorySink();
    const f = instrumentFetch({ provider: 'openai', sink });
    await (
      await f(...post('/v1/completions', { model: 'gpt-3.5-turbo-instruct', prompt: 'hi' }))
    ).json();
    expect(sink.records[0]).toMatchObject({ output_chars: 11, stop_reason: 'stop' });
    expect(classify(sink.records[0]!)).toMatchObject({ layer: 'none', reason: 'ok' });
  });

  it('Claude on Vertex is read in the Anthropic format', async () => {
    const sink = createMemorySink();
    const f = instrumentFetch({ provider: 'vertex', sink });
    const path =
      '/v1/projects/p/locations/l/publishers/anthropic/models/claude-opus-4-7:rawPredict';
    await (await f(...post(path, { anthropic_version: 'vertex-2023-10-16', messages: [] }))).json();
    expect(sink.records[0]).toMatchObject({
      model: 'claude-opus-4-7',
      output_chars: 14,
      stop_reason: 'end_turn',
    });
    expect(classify(sink.records[0]!)).toMatchObject({ layer: 'none', reason: 'ok' });
  });

  it('an unknown path whose body is no generation is not judged', async () => {
    const sink = createMemorySink();
    const f = instrumentFetch({ provider: 'openai', sink });
    await (await f(...post('/custom/rerank', { model: 'rerank-v3', query: 'q' }))).json();
    expect(sink.records[0]!.output_chars).toBeUndefined();
    expect(classify(sink.records[0]!)).toMatchObject({ layer: 'none', reason: 'ok' });
  });

  it('a chat stream that ends before any event is still a broken stream', async () => {
    const sink = createMemorySink();
    const f = instrumentFetch({ provider: 'openai', sink });
    await (await f(...post('/v1/chat/completions', { model: 'gpt-5.1', stream: true }))).text();
    expect(sink.records[0]).toMatchObject({ stream: true, stream_completed: false });
    expect(classify(sink.records[0]!)).toMatchObject({ layer: 'provider', reason: 'stream_error' });
  });

  it('names the Cloudflare edge that answered, and no edge when there was none', async () => {
    const sink = createMemorySink();
    const f = instrumentFetch({ provider: 'openai', sink });
    await (await f(...post('/edge/v1/chat/completions', { model: 'gpt-5.1' }))).text();
    await (await f(...post('/v1/completions', { model: 'gpt-3.5-turbo-instruct' }))).text();
    expect(sink.records.map((r) => r.edge)).toEqual(['cloudflare', undefined]);
  });
});
