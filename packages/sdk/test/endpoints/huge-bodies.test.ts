// Bodies too large to inspect: bounded memory and time, every byte to the caller, and none/ok.
import type { ServerResponse } from 'node:http';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { classify } from '@faultline/core';
import { createMemorySink, instrumentFetch } from '../../src/index.js';
import { startRawServer, type RawServer } from '../raw-server.js';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

const STREAM_BYTES = 50 << 20;
const PIECE_BYTES = 64 << 10;
/** Heap the instrument may hold while the stream is open (the caps are 4 MiB of text). */
const MAX_HEAP_GROWTH_BYTES = 24 << 20;

let server: RawServer;
let release: () => void = () => undefined;

/** Writes `piece` until `total` bytes went out (respecting backpressure), then waits for release. */
function pour(res: ServerResponse, head: string, piece: Buffer, total: number): void {
  res.writeHead(200, { 'content-type': 'text/event-stream' });
  res.write(head);
  let sent = 0;
  const more = (): void => {
    while (sent < total) {
      sent += piece.length;
      if (!res.write(piece)) return void res.once('drain', more);
    }
    release = () => res.end('\n\n');
  };
  more();
}

beforeAll(async () => {
  server = await startRawServer();
  server.handle('/no-newline/v1/messages', (_req, res) =>
    pour(res, 'event: message_start\ndata: ', Buffer.alloc(PIECE_BYTES, 'x'), STREAM_BYTES),
  );
  const line = Buffer.from(`data: ${'y'.repeat(1017)}\n`); // 1 KiB data lines, no blank line
  server.handle('/endless-data/v1/chat/completions', (_req, res) =>
    pour(res, '', Buffer.concat(Array.from({ length: 64 }, () => line)), STREAM_BYTES),
  );
  const big = JSON.stringify({
    id: 'chatcmpl-big',
    choices: [{ index: 0, message: { role: 'assistant', content: 'z'.repeat(9 << 20) } }],
  });
  server.handle('/big/v1/chat/completions', (_req, res) =>
    res.writeHead(200, { 'content-type': 'application/json' }).end(big),
  );
});
afterAll(() => server.close());

function heapUsed(): number {
  gc();
  return process.memoryUsage().heapUsed;
}

/** Reads a stream through the instrument; measures heap growth while it is still open. */
async function readThrough(provider: string, path: string) {
  const sink = createMemorySink();
  const f = instrumentFetch({ provider, sink });
  const before = heapUsed();
  const started = performance.now();
  const res = await f(server.url + path, { method: 'POST', body: '{"model":"m","stream":true}' });
  const reader = (res.body as ReadableStream<Uint8Array>).getReader();
  let bytes = 0;
  let growth = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    bytes += value.byteLength;
    if (growth === 0 && bytes >= STREAM_BYTES) {
      growth = heapUsed() - before; // the stream is open: the instrument still holds its state
      release();
    }
  }
  return { sink, bytes, growth, ms: performance.now() - started };
}

describe('bodies too large to inspect', () => {
  it.each([
    ['a stream with no line break', 'anthropic', '/no-newline/v1/messages', 27 + 2],
    [
      'endless data lines that never end their event',
      'openai',
      '/endless-data/v1/chat/completions',
      2,
    ],
  ])(
    '%s: every byte passes, heap stays bounded, the record is none/ok',
    async (_n, provider, path, extra) => {
      const { sink, bytes, growth, ms } = await readThrough(provider, path);
      expect(bytes).toBe(STREAM_BYTES + extra);
      expect(growth).toBeLessThan(MAX_HEAP_GROWTH_BYTES);
      expect(ms).toBeLessThan(5000); // quadratic re-scanning took minutes; linear is well under 1 s
      const r = sink.records[0]!;
      expect(r).toMatchObject({ http_status: 200, stream: true });
      expect(r.output_chars).toBeUndefined();
      expect(r.stream_completed).toBeUndefined();
      expect(classify(r)).toMatchObject({ layer: 'none', reason: 'ok' });
    },
  );

  it('a JSON answer over the 8 MiB parse cap is none/ok, not empty', async () => {
    const sink = createMemorySink();
    const f = instrumentFetch({ provider: 'openai', sink });
    const res = await f(server.url + '/big/v1/chat/completions', {
      method: 'POST',
      body: '{"model":"m"}',
    });
    const body = (await res.json()) as { choices: Array<{ message: { content: string } }> };
    expect(body.choices[0]!.message.content).toHaveLength(9 << 20);
    expect(sink.records[0]!.output_chars).toBeUndefined();
    expect(classify(sink.records[0]!)).toMatchObject({ layer: 'none', reason: 'ok' });
  });
});
