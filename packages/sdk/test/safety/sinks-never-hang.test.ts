// Sinks never hang the app: flush waits for its writes and no longer; HTTP POSTs are bounded.
import { createServer, type Server } from 'node:http';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { CallRecord } from '@faultline/core';
import { createHttpBatchSink, createJsonlFileSink } from '../../src/index.js';

const rec = (i: number): CallRecord => ({
  ts: i,
  provider: 'openai',
  model: 'm',
  http_status: 200,
});

/** Resolves with 'timeout' if `p` has not settled within `ms`. */
function within<T>(p: Promise<T>, ms: number): Promise<T | 'timeout'> {
  return Promise.race([p, new Promise<'timeout'>((r) => setTimeout(() => r('timeout'), ms))]);
}

interface Receiver {
  url: string;
  hits: number[];
}
const servers: Server[] = [];
afterEach(async () => {
  for (const s of servers.splice(0)) {
    s.closeAllConnections();
    await new Promise<void>((r) => s.close(() => r()));
  }
});

/** A server on loopback that reads each request, then answers `status`, or never when null. */
async function receiver(status: number | null): Promise<Receiver> {
  const hits: number[] = [];
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      hits.push(Date.now());
      if (status !== null) res.writeHead(status).end();
    });
  });
  servers.push(server);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as { port: number };
  return { url: `http://127.0.0.1:${port}/v1/records`, hits };
}

describe('JSON Lines file sink', () => {
  it('flush() resolves once every record written so far is in the file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'fl-flush-'));
    const path = join(dir, 'calls.jsonl');
    const sink = createJsonlFileSink({ path });
    for (let round = 1; round <= 3; round++) {
      for (let i = 0; i < 10 * round; i++) sink.write(rec(i));
      expect(await within(sink.flush(), 2000)).toBeUndefined();
      const lines = readFileSync(path, 'utf8').trim().split('\n');
      expect(lines).toHaveLength(10 + (round > 1 ? 20 : 0) + (round > 2 ? 30 : 0));
    }
    expect(await within(sink.flush(), 2000)).toBeUndefined(); // nothing pending
    await sink.close();
    expect(await within(sink.flush(), 2000)).toBeUndefined(); // after close
    rmSync(dir, { recursive: true });
  });

  it('flush() and close() still resolve, and report, when the file cannot be opened', async () => {
    const errors: unknown[] = [];
    const sink = createJsonlFileSink({
      path: join(tmpdir(), 'no-such-dir-fl', 'x', 'calls.jsonl'),
      onError: (e) => errors.push(e),
    });
    sink.write(rec(1));
    expect(await within(sink.flush(), 2000)).toBeUndefined();
    expect(await within(sink.close(), 2000)).toBeUndefined();
    expect((errors[0] as { code?: string }).code).toBe('ENOENT');
  });
});

describe('HTTP batch sink against a server that never answers', () => {
  it('flush() ends by its request timeout and keeps the records for a retry', async () => {
    const server = await receiver(null);
    const errors: unknown[] = [];
    const sink = createHttpBatchSink({
      url: server.url,
      intervalMs: 60_000,
      requestTimeoutMs: 200,
      onError: (e) => errors.push(e),
    });
    sink.write(rec(1));
    const t0 = Date.now();
    expect(await within(sink.flush(), 3000)).toBeUndefined();
    expect(Date.now() - t0).toBeLessThan(2000);
    expect(server.hits).toHaveLength(1);
    expect((errors[0] as Error).name).toBe('TimeoutError');
    expect(sink.queued).toBe(1);
    await sink.shutdown();
  });

  it('shutdown() ends by its deadline and aborts the POST in flight', async () => {
    const server = await receiver(null);
    const errors: unknown[] = [];
    const sink = createHttpBatchSink({
      url: server.url,
      intervalMs: 60_000,
      requestTimeoutMs: 60_000,
      flushTimeoutMs: 300,
      onError: (e) => errors.push(e),
    });
    sink.write(rec(1));
    const t0 = Date.now();
    expect(await within(sink.shutdown(), 3000)).toBeUndefined();
    expect(Date.now() - t0).toBeLessThan(2000);
    await new Promise((r) => setTimeout(r, 50));
    expect(server.hits).toHaveLength(1);
    // the POST in flight was aborted with the shutdown's reason, not left to its 60 s timeout
    expect(errors.map((e) => (e as Error).message)).toContain(
      'faultline: HTTP batch sink shut down',
    );
    expect(sink.queued).toBe(1);
  });

  it('flush() ends by its deadline even with a slow pass already in flight', async () => {
    const server = await receiver(null);
    const sink = createHttpBatchSink({
      url: server.url,
      batchSize: 1,
      intervalMs: 60_000,
      requestTimeoutMs: 60_000,
      flushTimeoutMs: 300,
      onError: () => undefined,
    });
    sink.write(rec(1)); // a full batch: a send starts now
    expect(await within(sink.flush(), 3000)).toBeUndefined();
    expect(await within(sink.shutdown(), 3000)).toBeUndefined();
  });
});

describe('HTTP batch sink retries', () => {
  it('retries a failing batch a bounded number of times, then drops and counts it', async () => {
    const server = await receiver(503);
    const errors: unknown[] = [];
    const sink = createHttpBatchSink({
      url: server.url,
      intervalMs: 60_000,
      maxRetries: 2,
      retryBackoffMs: 1,
      onError: (e) => errors.push(e),
    });
    [1, 2, 3].forEach((i) => sink.write(rec(i)));
    for (let i = 0; i < 5; i++) await sink.flush();
    expect(server.hits).toHaveLength(3); // the first try and two retries
    expect(sink.queued).toBe(0);
    expect(sink.dropped).toBe(3);
    expect(errors.map((e) => (e as Error).message).at(-1)).toMatch(/dropped 3 records/);
    await sink.shutdown();
  });

  it('waits out its backoff between timer ticks instead of hammering the server', async () => {
    const server = await receiver(503);
    const sink = createHttpBatchSink({
      url: server.url,
      intervalMs: 10,
      retryBackoffMs: 400,
      random: () => 0.99, // full jitter may wait ~0 ms; this test is about the backoff's ceiling
      onError: () => undefined,
    });
    sink.write(rec(1));
    await new Promise((r) => setTimeout(r, 500));
    await sink.shutdown();
    // ticks every 10 ms; without backoff there would be dozens of POSTs
    expect(server.hits.length).toBeGreaterThanOrEqual(1);
    expect(server.hits.length).toBeLessThanOrEqual(3);
  });

  it('drops a batch the server refuses for good (400) without retrying it', async () => {
    const server = await receiver(400);
    const sink = createHttpBatchSink({
      url: server.url,
      intervalMs: 60_000,
      onError: () => undefined,
    });
    sink.write(rec(1));
    await sink.flush();
    await sink.flush();
    expect(server.hits).toHaveLength(1);
    expect(sink.dropped).toBe(1);
    await sink.shutdown();
  });
});
