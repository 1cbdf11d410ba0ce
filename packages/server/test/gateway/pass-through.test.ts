// The gateway against a raw upstream: streams pass byte for byte whatever their chunking, a client
// that leaves cancels the upstream, a stream that breaks after its start ends with the API's error
// event, and only what a route names is forwarded, with the target's key and without hop headers.
import { request, type IncomingMessage } from 'node:http';
import type { ReadableStreamReadResult } from 'node:stream/web';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRawRig, TARGET_KEY, type RawRig } from './raw-upstream.js';

let rig: RawRig;
beforeAll(async () => {
  rig = await startRawRig();
});
afterAll(() => rig.close());

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const chat = (model = 'a', stream = true) =>
  JSON.stringify({ model, stream, messages: [{ role: 'user', content: 'hi' }] });
const sse = (o: unknown) => `data: ${JSON.stringify(o)}\n\n`;
const delta = (text: string) => sse({ choices: [{ index: 0, delta: { content: text } }] });

// Odd chunking: a 1-byte chunk, a split inside a line, inside "\n\n", inside a UTF-8 character.
const STREAM = Buffer.from(
  sse({ choices: [{ index: 0, delta: { role: 'assistant' } }] }) +
    delta('héllo wörld ✓') +
    delta(' again') +
    sse({ choices: [{ index: 0, delta: {}, finish_reason: 'stop' }] }) +
    'data: [DONE]\n\n',
);
const CUTS = [
  1,
  7,
  40,
  STREAM.indexOf('ö') + 1,
  STREAM.indexOf('\n\n', 120) + 1,
  STREAM.length - 3,
];

async function read(res: Response): Promise<Buffer> {
  return Buffer.from(await res.arrayBuffer());
}

describe('streams through the gateway', () => {
  for (const route of ['/oai', '/oai-off']) {
    it(`passes a stream with odd chunking byte for byte (${route})`, async () => {
      rig.handle((_req, _body, res) => {
        res.writeHead(200, { 'content-type': 'text/event-stream' });
        void (async () => {
          let from = 0;
          for (const cut of [...CUTS, STREAM.length]) {
            res.write(STREAM.subarray(from, cut));
            from = cut;
            await sleep(2);
          }
          res.end();
        })();
      });
      const before = rig.records.length;
      const res = await fetch(`${rig.url}${route}/chat/completions`, {
        method: 'POST',
        body: chat(),
      });
      expect(res.headers.get('x-faultline-target')).toBe('oai-1');
      expect((await read(res)).equals(STREAM)).toBe(true);
      const rec = rig.records[before]!;
      expect(rec).toMatchObject({
        source: 'gateway',
        stream: true,
        stream_completed: true,
        stop_reason: 'stop',
      });
      expect(rec.output_chars).toBe('héllo wörld ✓ again'.length);
    });
  }

  it('cancels the upstream request when the client leaves mid-stream', async () => {
    let upstreamClosed!: () => void;
    const closed = new Promise<void>((r) => (upstreamClosed = r));
    rig.handle((_req, _body, res) => {
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      res.write(delta('first'));
      res.on('close', () => upstreamClosed()); // never ends by itself
    });
    const before = rig.records.length;
    const abort = new AbortController();
    const res = await fetch(`${rig.url}/oai/chat/completions`, {
      method: 'POST',
      body: chat(),
      signal: abort.signal,
    });
    const reader = res.body!.getReader();
    const first = (await reader.read()) as ReadableStreamReadResult<Uint8Array>;
    expect(Buffer.from(first.value ?? new Uint8Array()).toString()).toContain('first');
    abort.abort();
    await closed;
    await expect.poll(() => rig.records.length).toBe(before + 1);
    expect(rig.records[before]).toMatchObject({ aborted_by: 'caller', stream_completed: false });
  });

  it("ends a stream that breaks after its start with the API's own error event", async () => {
    rig.handle((_req, _body, res) => {
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      res.write(
        'event: message_start\ndata: {"type":"message_start","message":{"usage":{"input_tokens":3}}}\n\n',
      );
      res.write(
        'event: content_block_delta\ndata: {"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"Hi"}}\n\nevent: content_bl',
      );
      setTimeout(() => res.destroy(), 20);
    });
    const before = rig.records.length;
    const body = JSON.stringify({ model: 'claude-x', stream: true, max_tokens: 9, messages: [] });
    const res = await fetch(`${rig.url}/ant/v1/messages`, { method: 'POST', body });
    const text = (await read(res)).toString();
    expect(text).toContain('"text":"Hi"');
    expect(text.endsWith('\n\n')).toBe(true);
    expect(text).toMatch(
      /event: content_bl\n\nevent: error\ndata: \{"type":"error","error":\{"type":"api_error"/,
    );
    expect(rig.records[before]).toMatchObject({ stream_completed: false, http_status: 200 });
    expect(rig.records[before]!.network_error).toBeDefined();
  });

  it('cuts the client connection instead when failover is off, as going direct does', async () => {
    rig.handle((_req, _body, res) => {
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      res.write(delta('Hi'));
      setTimeout(() => res.destroy(), 20);
    });
    const res = await fetch(`${rig.url}/oai-off/chat/completions`, {
      method: 'POST',
      body: chat(),
    });
    await expect(read(res)).rejects.toThrow();
  });

  it('moves on when a stream carries nothing before it ends, renaming the model for the backup', async () => {
    rig.handle((req, _body, res) => {
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      res.end(req.url!.startsWith('/alt/') ? STREAM : 'data: [DONE]\n\n');
    });
    const from = rig.seen.length;
    const res = await fetch(`${rig.url}/oai/chat/completions`, { method: 'POST', body: chat('a') });
    expect([
      res.headers.get('x-faultline-target'),
      res.headers.get('x-faultline-attempts'),
    ]).toEqual(['oai-2', '2']);
    expect((await read(res)).equals(STREAM)).toBe(true);
    const sent = rig.seen
      .slice(from)
      .map((s) => [s.path, (JSON.parse(s.body) as { model: string }).model]);
    expect(sent).toEqual([
      ['/v1/chat/completions', 'a'],
      ['/alt/v1/chat/completions', 'b'],
    ]);
  });
});

describe('what the gateway forwards', () => {
  it("sends the target's own key instead of the client's, without hop-by-hop headers", async () => {
    rig.handle((_req, _body, res) => {
      res.writeHead(200, {
        'content-type': 'application/json',
        'keep-alive': 'timeout=77',
        'x-up': '1',
      });
      res.end(
        JSON.stringify({
          type: 'message',
          content: [{ type: 'text', text: 'ok' }],
          stop_reason: 'end_turn',
        }),
      );
    });
    const from = rig.seen.length;
    const before = rig.records.length;
    // node:http, since fetch refuses to send a Connection header of its own.
    const res = await new Promise<IncomingMessage>((resolve, reject) => {
      const req = request(`${rig.url}/ant/v1/messages`, {
        method: 'POST',
        headers: {
          'x-api-key': 'client-KEY-never-in-a-record',
          connection: 'keep-alive, x-hop',
          'x-hop': 'drop me',
          traceparent: '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01',
        },
      });
      req.on('response', resolve).on('error', reject);
      req.end(JSON.stringify({ model: 'claude-x', max_tokens: 9, messages: [] }));
    });
    res.resume();
    expect(res.statusCode).toBe(200);
    expect(res.headers['x-up']).toBe('1');
    expect(res.headers['keep-alive']).not.toBe('timeout=77'); // the gateway's own hop answers
    await new Promise((r) => res.on('end', r));
    const h = rig.seen[from]!.headers;
    expect(h['x-api-key']).toBe(TARGET_KEY);
    expect(h['x-hop']).toBeUndefined();
    expect(h['traceparent']).toBe('00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01');
    const text = JSON.stringify(rig.records.slice(before));
    expect(text).not.toContain(TARGET_KEY);
    expect(text).not.toContain('client-KEY');
  });

  it('passes what is not a model call untouched to the first target, without a record', async () => {
    rig.handle((_req, _body, res) => res.end('{"data":[]}'));
    const from = rig.seen.length;
    const before = rig.records.length;
    const res = await fetch(`${rig.url}/oai/models?limit=2`);
    expect(await res.text()).toBe('{"data":[]}');
    expect(rig.seen[from]!.path).toBe('/v1/models?limit=2');
    expect(rig.records.length).toBe(before);
  });

  it('forwards nothing that no route names, and refuses bodies past the limit', async () => {
    const from = rig.seen.length;
    expect(
      (await fetch(`${rig.url}/elsewhere/v1/messages`, { method: 'POST', body: '{}' })).status,
    ).toBe(404);
    expect((await fetch(`${rig.url}/oai/%2e%2e/secret`)).status).toBe(404);
    const big = 'x'.repeat(65 * 1024);
    expect(
      (await fetch(`${rig.url}/oai/chat/completions`, { method: 'POST', body: big })).status,
    ).toBe(413);
    expect(rig.seen.length).toBe(from);
  });
});

describe('timeouts', () => {
  it('fails over when a target sends no headers within the header timeout', async () => {
    rig.handle((req, _body, res) => {
      if (!req.url!.startsWith('/alt/')) return; // never answers
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      res.end(STREAM);
    });
    const before = rig.records.length;
    const res = await fetch(`${rig.url}/oai/chat/completions`, { method: 'POST', body: chat() });
    expect(res.headers.get('x-faultline-target')).toBe('oai-2');
    expect((await read(res)).equals(STREAM)).toBe(true);
    expect(rig.records[before]!.network_error).toBe('UND_ERR_HEADERS_TIMEOUT');
  });

  it('ends a stream that goes idle after its start with an error event', async () => {
    rig.handle((_req, _body, res) => {
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      res.write(delta('Hi')); // then nothing, past the idle timeout
    });
    const before = rig.records.length;
    const res = await fetch(`${rig.url}/oai/chat/completions`, { method: 'POST', body: chat() });
    const text = (await read(res)).toString();
    expect(text).toBe(
      delta('Hi') +
        `data: ${JSON.stringify({ error: { message: 'the upstream stream failed after it started (faultline gateway)', type: 'server_error', code: null } })}\n\n`,
    );
    expect(rig.records[before]).toMatchObject({
      network_error: 'UND_ERR_BODY_TIMEOUT',
      stream_completed: false,
    });
  });
});

describe('retry-after', () => {
  it('fails over on a 503 and keeps the target out while its retry-after lasts', async () => {
    // Its own rig: the cooldown it causes must not reach the other tests.
    const rig = await startRawRig();
    try {
      rig.handle((req, _body, res) => {
        if (req.url!.startsWith('/alt/')) {
          res.writeHead(200, { 'content-type': 'application/json' });
          res.end(
            JSON.stringify({
              choices: [{ index: 0, message: { content: 'ok' }, finish_reason: 'stop' }],
            }),
          );
        } else {
          res.writeHead(503, { 'content-type': 'application/json', 'retry-after': '30' });
          res.end('{"error":{"message":"busy","type":"server_error"}}');
        }
      });
      const from = rig.seen.length;
      const call = () =>
        fetch(`${rig.url}/oai/chat/completions`, { method: 'POST', body: chat('a', false) });
      const first = await call();
      expect([first.status, first.headers.get('x-faultline-target')]).toEqual([200, 'oai-2']);
      await first.arrayBuffer();
      const second = await call();
      expect(second.headers.get('x-faultline-attempts')).toBe('1');
      await second.arrayBuffer();
      expect(rig.seen.slice(from).map((s) => s.path.startsWith('/alt/'))).toEqual([
        false,
        true,
        true,
      ]);
    } finally {
      await rig.close();
    }
  });
});
