import { createServer, type IncomingMessage, type Server } from 'node:http';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { CallRecord } from '@faultline/core';
import { createHttpBatchSink } from './http-batch-sink.js';
import { createJsonlFileSink } from './jsonl-file-sink.js';
import { createMemorySink } from './memory-sink.js';

const rec = (i: number): CallRecord => ({
  ts: i,
  provider: 'openai',
  model: 'gpt-5.1',
  http_status: 200,
});

let server: Server | undefined;
afterEach(async () => {
  await new Promise<void>((r) => (server ? server.close(() => r()) : r()));
  server = undefined;
});

async function receiver(status = 200): Promise<{ url: string; bodies: string[] }> {
  const bodies: string[] = [];
  server = createServer((req: IncomingMessage, res) => {
    let body = '';
    req.setEncoding('utf8').on('data', (d: string) => (body += d));
    req.on('end', () => {
      bodies.push(body);
      res.writeHead(status).end();
    });
  });
  await new Promise<void>((r) => server!.listen(0, '127.0.0.1', r));
  const addr = server.address() as { port: number };
  return { url: `http://127.0.0.1:${addr.port}/v1/records`, bodies };
}

describe('sinks', () => {
  it('memory sink keeps records up to a bound', () => {
    const sink = createMemorySink({ maxRecords: 2 });
    [1, 2, 3].forEach((i) => sink.write(rec(i)));
    expect(sink.records.map((r) => r.ts)).toEqual([2, 3]);
  });

  it('JSON Lines file sink appends one line per record', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'fl-sink-'));
    const sink = createJsonlFileSink({ path: join(dir, 'calls.jsonl') });
    sink.write(rec(1));
    sink.write(rec(2));
    await sink.close();
    const lines = readFileSync(join(dir, 'calls.jsonl'), 'utf8').trim().split('\n');
    expect(lines.map((l) => (JSON.parse(l) as CallRecord).ts)).toEqual([1, 2]);
    rmSync(dir, { recursive: true });
  });

  it('HTTP batch sink POSTs JSON Lines in batches', async () => {
    const { url, bodies } = await receiver();
    const sink = createHttpBatchSink({ url, batchSize: 2, intervalMs: 60_000 });
    [1, 2, 3].forEach((i) => sink.write(rec(i)));
    await sink.shutdown();
    expect(
      bodies
        .join('')
        .trim()
        .split('\n')
        .map((l) => (JSON.parse(l) as CallRecord).ts),
    ).toEqual([1, 2, 3]);
    expect(sink.queued).toBe(0);
  });

  it('HTTP batch sink keeps records while the server fails, drops the oldest when full, never throws', async () => {
    const { url } = await receiver(503);
    const errors: unknown[] = [];
    const sink = createHttpBatchSink({
      url,
      batchSize: 100,
      maxQueue: 3,
      intervalMs: 60_000,
      onError: (e) => errors.push(e),
    });
    [1, 2, 3, 4, 5].forEach((i) => sink.write(rec(i)));
    await sink.flush();
    expect(errors.length).toBeGreaterThan(0);
    expect(sink.queued).toBe(3);
    expect(sink.dropped).toBe(2);
    await sink.shutdown();
  });

  it('HTTP batch sink survives an unreachable server', async () => {
    const sink = createHttpBatchSink({ url: 'http://127.0.0.1:9/nothing', intervalMs: 60_000 });
    sink.write(rec(1));
    await expect(sink.flush()).resolves.toBeUndefined();
    expect(sink.queued).toBe(1);
    await sink.shutdown();
  });
});
