// instrumentFetch at the fetch level: exact bytes, same errors, one record per attempt.
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { classify } from '@faultline/core';
import { createMemorySink, instrumentFetch } from '../src/index.js';
import { startRawServer, type RawServer } from './raw-server.js';

const SSE_EVENTS = [
  'event: message_start\ndata: {"type":"message_start","message":{"id":"msg_1","type":"message","role":"assistant","content":[],"model":"claude-opus-4-7","stop_reason":null,"usage":{"input_tokens":12,"output_tokens":1}}}\n\n',
  'event: content_block_start\ndata: {"type":"content_block_start","index":0,"content_block":{"type":"text","text":""}}\n\n',
  'event: ping\ndata: {"type": "ping"}\n\n',
  'event: content_block_delta\ndata: {"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"Hello secret-output-word"}}\n\n',
  'event: content_block_delta\ndata: {"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":" wörld 世界"}}\n\n',
  'event: content_block_stop\ndata: {"type":"content_block_stop","index":0}\n\n',
  'event: message_delta\ndata: {"type":"message_delta","delta":{"stop_reason":"end_turn","stop_sequence":null},"usage":{"output_tokens":6}}\n\n',
  'event: message_stop\ndata: {"type":"message_stop"}\n\n',
];
const SSE_BYTES = new TextEncoder().encode(SSE_EVENTS.join(''));
const PROMPT =
  '{"model":"claude-opus-4-7","max_tokens":64,"stream":true,"messages":[{"role":"user","content":"secret-prompt-word"}]}';

let server: RawServer;
beforeAll(async () => {
  server = await startRawServer();
  server.handle('/sse', (_req, res) => {
    res.writeHead(200, { 'content-type': 'text/event-stream', 'request-id': 'req_sse' });
    // odd splits: inside events, inside a multi-byte character
    const cuts = [0, 7, 150, 151, 333, 600, 601, SSE_BYTES.length];
    let i = 0;
    const next = (): void => {
      if (i >= cuts.length - 1) return void res.end();
      res.write(SSE_BYTES.subarray(cuts[i], cuts[i + 1]));
      i++;
      setTimeout(next, 2);
    };
    next();
  });
  server.handle('/json', (_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json', 'x-request-id': 'req_json' });
    res.end(
      '{"id":"chatcmpl-1","choices":[{"index":0,"message":{"role":"assistant","content":"{\\"a\\": 1}"},"finish_reason":"stop"}],"usage":{"prompt_tokens":9,"completion_tokens":5}}',
    );
  });
  server.handle('/error', (_req, res) => {
    res.writeHead(529, {
      'content-type': 'application/json',
      'request-id': 'req_err',
      'retry-after': '3',
    });
    res.end(
      '{"type":"error","error":{"type":"overloaded_error","message":"Overloaded"},"request_id":"req_err"}',
    );
  });
  server.handle('/drop', (_req, res) => {
    res.writeHead(200, { 'content-type': 'text/event-stream', 'request-id': 'req_drop' });
    res.write(SSE_EVENTS.slice(0, 4).join(''));
    setTimeout(() => res.socket?.destroy(), 20);
  });
  let flaky = 0;
  server.handle('/flaky', (_req, res) => {
    if (flaky++ < 2)
      res
        .writeHead(503, { 'content-type': 'application/json' })
        .end('{"error":{"code":503,"status":"UNAVAILABLE"}}');
    else res.writeHead(200, { 'content-type': 'application/json' }).end('{"candidates":[]}');
  });
  server.handle('/slow', (_req, res) => {
    setTimeout(() => res.writeHead(200, { 'content-type': 'application/json' }).end('{}'), 3000);
  });
});
afterAll(() => server.close());

async function closedPort(): Promise<number> {
  const { createServer } = await import('node:net');
  const s = createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  const { port } = s.address() as { port: number };
  await new Promise<void>((r) => s.close(() => r()));
  return port;
}

async function bytesOf(res: Response): Promise<Uint8Array> {
  return new Uint8Array(await res.arrayBuffer());
}

function post(
  path: string,
  body = PROMPT,
  headers: Record<string, string> = {},
): [string, RequestInit] {
  return [
    server.url + path,
    { method: 'POST', body, headers: { 'content-type': 'application/json', ...headers } },
  ];
}

describe('instrumentFetch', () => {
  it('passes an SSE stream through byte for byte and records what it said', async () => {
    const sink = createMemorySink();
    const f = instrumentFetch({ provider: 'anthropic', sink });
    const plain = await bytesOf(await fetch(...post('/sse')));
    const res = await f(
      ...post('/sse', PROMPT, { 'x-stainless-retry-count': '1', 'x-stainless-timeout': '600' }),
    );
    expect(res.status).toBe(200);
    expect(res.url).toBe(server.url + '/sse');
    expect(res.headers.get('request-id')).toBe('req_sse');
    const got = await bytesOf(res);
    expect(Buffer.from(got).equals(Buffer.from(plain))).toBe(true);
    expect(Buffer.from(got).equals(Buffer.from(SSE_BYTES))).toBe(true);
    expect(sink.records).toHaveLength(1);
    const r = sink.records[0]!;
    expect(r).toMatchObject({
      provider: 'anthropic',
      model: 'claude-opus-4-7',
      http_status: 200,
      request_id: 'req_sse',
      stream: true,
      stream_completed: true,
      stop_reason: 'end_turn',
      input_tokens: 12,
      output_tokens: 6,
      output_chars: 'Hello secret-output-word wörld 世界'.length,
      attempt: 2,
      timeout_ms: 600_000,
      source: 'sdk',
      server_address: new URL(server.url).host,
      checks: { refusal: true, truncated: true, empty: true },
    });
    expect(r.ttft_ms).toBeGreaterThan(0);
    expect(r.duration_ms).toBeGreaterThanOrEqual(r.ttft_ms!);
    expect(classify(r)).toMatchObject({ layer: 'none', reason: 'ok' });
  });

  it('never puts prompt text, output text or credentials in a record', async () => {
    const sink = createMemorySink();
    const f = instrumentFetch({ provider: 'anthropic', sink });
    await bytesOf(
      await f(
        ...post('/sse', PROMPT, {
          'x-api-key': 'sk-ant-secret-key',
          authorization: 'Bearer sk-live-123456',
        }),
      ),
    );
    const text = JSON.stringify(sink.records);
    for (const secret of [
      'secret-prompt-word',
      'secret-output-word',
      'sk-ant-secret-key',
      'sk-live-123456',
    ]) {
      expect(text).not.toContain(secret);
    }
  });

  it('reads a JSON body the caller also reads, and runs built-in and user checks on its text', async () => {
    const sink = createMemorySink();
    const seen: string[] = [];
    const f = instrumentFetch({
      provider: 'openai',
      sink,
      checks: { has_a: (text) => (seen.push(text), text.includes('"a"')), bad: () => false },
    });
    const res = await f(
      ...post(
        '/json',
        '{"model":"gpt-5.1","response_format":{"type":"json_object"},"messages":[]}',
      ),
    );
    expect(await res.json()).toMatchObject({ id: 'chatcmpl-1' });
    expect(seen).toEqual(['{"a": 1}']);
    expect(sink.records[0]).toMatchObject({
      model: 'gpt-5.1',
      http_status: 200,
      request_id: 'req_json',
      stop_reason: 'stop',
      input_tokens: 9,
      output_tokens: 5,
      output_chars: 8,
      checks: {
        refusal: true,
        truncated: true,
        empty: true,
        json_valid: true,
        has_a: true,
        bad: false,
      },
    });
    expect(sink.records[0]!.stream).toBeUndefined();
    expect(classify(sink.records[0]!)).toMatchObject({ layer: 'model', reason: 'check_failed' });
  });

  it('records an error response and leaves its body to the caller', async () => {
    const sink = createMemorySink();
    const f = instrumentFetch({ provider: 'anthropic', sink });
    const res = await f(...post('/error'));
    expect(res.status).toBe(529);
    expect(await res.json()).toEqual({
      type: 'error',
      error: { type: 'overloaded_error', message: 'Overloaded' },
      request_id: 'req_err',
    });
    expect(sink.records[0]).toMatchObject({
      http_status: 529,
      error_type: 'overloaded_error',
      error_message: 'Overloaded',
      request_id: 'req_err',
      retry_after_ms: 3000,
      content_type: 'application/json',
    });
    expect(classify(sink.records[0]!)).toMatchObject({ layer: 'provider', reason: 'overloaded' });
  });

  it('records a refused connection and rethrows it', async () => {
    const sink = createMemorySink();
    const f = instrumentFetch({ provider: 'openai', sink });
    const port = await closedPort();
    const err = await f(`http://127.0.0.1:${port}/v1/chat/completions`, {
      method: 'POST',
      body: '{"model":"gpt-5.1"}',
    }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(TypeError);
    expect((err as Error).message).toBe('fetch failed');
    expect(sink.records[0]).toMatchObject({ model: 'gpt-5.1', network_error: 'ECONNREFUSED' });
    expect(sink.records[0]!.http_status).toBeUndefined();
    expect(classify(sink.records[0]!)).toMatchObject({
      layer: 'network',
      reason: 'connect_refused',
    });
  });

  it('rethrows the very same error object the underlying fetch threw, even without a code', async () => {
    const sink = createMemorySink();
    const thrown = new TypeError('fetch failed', { cause: new Error('bad port') });
    const f = instrumentFetch({ provider: 'openai', sink, fetch: () => Promise.reject(thrown) });
    await expect(f('http://127.0.0.1:1/x', { method: 'POST', body: '{"model":"m"}' })).rejects.toBe(
      thrown,
    );
    expect(sink.records[0]).toMatchObject({ network_error: 'ERR_FETCH_FAILED' });
    expect(classify(sink.records[0]!).layer).toBe('network');
  });

  it('gives the caller the same body failure as plain fetch when the socket closes mid-stream', async () => {
    const sink = createMemorySink();
    const f = instrumentFetch({ provider: 'anthropic', sink });
    const plainErr = await (await fetch(...post('/drop'))).arrayBuffer().catch((e: unknown) => e);
    const ourErr = await (await f(...post('/drop'))).arrayBuffer().catch((e: unknown) => e);
    expect((ourErr as Error).constructor).toBe((plainErr as Error).constructor);
    expect((ourErr as Error).message).toBe((plainErr as Error).message);
    expect(sink.records[0]).toMatchObject({
      http_status: 200,
      stream: true,
      stream_completed: false,
      network_error: 'UND_ERR_SOCKET',
    });
    expect(classify(sink.records[0]!)).toMatchObject({ layer: 'provider', reason: 'stream_error' });
  });

  it('records a stream the caller stopped reading as cancelled by the caller', async () => {
    const sink = createMemorySink();
    const f = instrumentFetch({ provider: 'anthropic', sink });
    const res = await f(...post('/sse'));
    const reader = res.body!.getReader();
    await reader.read();
    await reader.cancel();
    expect(sink.records[0]).toMatchObject({ aborted_by: 'caller', stream_completed: false });
    expect(classify(sink.records[0]!)).toMatchObject({ layer: 'none', reason: 'cancelled' });
  });

  it('tells our deadline from the caller abort before headers', async () => {
    const sink = createMemorySink();
    const f = instrumentFetch({ provider: 'openai', sink });
    const caller = new AbortController();
    const c = f(server.url + '/slow', {
      method: 'POST',
      body: '{"model":"m"}',
      signal: caller.signal,
    }).catch((e: unknown) => e);
    await sleep(50);
    caller.abort();
    expect(((await c) as Error).name).toBe('AbortError');
    const t = await f(server.url + '/slow', {
      method: 'POST',
      body: '{"model":"m"}',
      signal: AbortSignal.timeout(100),
    }).catch((e: unknown) => e);
    expect((t as Error).name).toBe('TimeoutError');
    const byKind = sink.records.filter((r) => r.aborted_by !== undefined).map((r) => r.aborted_by);
    expect(byKind).toEqual(['caller', 'timeout']);
  });

  it('never lets a throwing sink or check reach the caller', async () => {
    const errors: unknown[] = [];
    const f = instrumentFetch({
      provider: 'openai',
      sink: {
        write: () => {
          throw new Error('sink down');
        },
      },
      checks: {
        boom: () => {
          throw new Error('check bug');
        },
      },
      onError: (e) => errors.push(e),
    });
    const res = await f(...post('/json', '{"model":"gpt-5.1","messages":[]}'));
    expect(await res.json()).toMatchObject({ id: 'chatcmpl-1' });
    expect(errors.map((e) => (e as Error).message).sort()).toEqual(['check bug', 'sink down']);
  });

  it('counts its own attempts for clients without a retry-count header', async () => {
    const sink = createMemorySink();
    const f = instrumentFetch({ provider: 'google', sink });
    // /flaky fails twice, then succeeds: the same request after a failure is its retry
    for (let i = 0; i < 4; i++) await (await f(...post('/flaky', '{"contents":[]}'))).text();
    expect(sink.records.map((r) => [r.http_status, r.attempt])).toEqual([
      [503, 1],
      [503, 2],
      [200, 3],
      [200, 1],
    ]);
  });
});
