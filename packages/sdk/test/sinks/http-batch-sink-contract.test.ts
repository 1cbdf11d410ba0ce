// The HTTP batch sink against a real loopback receiver keeping the ingest contract: token, key, resends.
import { afterEach, describe, expect, it } from 'vitest';
import { createHttpBatchSink, isIngestError } from '../../src/index.js';
import { startReceiver, type Receiver, type Reply } from './ingest-receiver.js';
import { rec, TOKEN, tsOf, waitFor } from './sink-fixtures.js';

const receivers: Receiver[] = [];
afterEach(async () => {
  for (const r of receivers.splice(0)) await r.close();
});
async function receiver(script?: (n: number) => Reply): Promise<Receiver> {
  const r = await startReceiver(script);
  receivers.push(r);
  return r;
}
const judge: Reply = { kind: 'judge' };

describe('HTTP batch sink speaks POST /v1/records', () => {
  it('sends the bearer token, NDJSON and one new Idempotency-Key per batch to the base URL’s /v1/records', async () => {
    const r = await receiver();
    const sink = createHttpBatchSink({
      url: r.url,
      token: TOKEN,
      batchSize: 2,
      intervalMs: 60_000,
    });
    [1, 2, 3].forEach((i) => sink.write(rec(i)));
    await sink.shutdown();
    expect(r.hits.map((h) => h.path)).toEqual(['/v1/records', '/v1/records']);
    expect(r.hits.map((h) => h.auth)).toEqual([`Bearer ${TOKEN}`, `Bearer ${TOKEN}`]);
    expect(r.hits.map((h) => h.type)).toEqual(['application/x-ndjson', 'application/x-ndjson']);
    const keys = r.hits.map((h) => h.key ?? '');
    expect(new Set(keys).size).toBe(2);
    expect(keys.every((k) => k.length > 16 && k.length <= 200)).toBe(true);
    expect(tsOf(r.stored)).toEqual([1, 2, 3]);
    expect([sink.sent, sink.dropped, sink.rejected, sink.retries]).toEqual([3, 0, 0, 0]);
  });

  it('resends a batch whose answer was lost under the same key, and the receiver stores it once', async () => {
    const r = await receiver((n) => (n === 0 ? { kind: 'lose' } : judge));
    const errors: unknown[] = [];
    const sink = createHttpBatchSink({
      url: r.url,
      intervalMs: 60_000,
      onError: (e) => errors.push(e),
    });
    [1, 2].forEach((i) => sink.write(rec(i)));
    await sink.flush(); // stored, but the connection dies before the answer
    expect(sink.queued).toBe(2);
    await sink.flush();
    expect(r.hits).toHaveLength(2);
    expect(r.hits[1]!.key).toBe(r.hits[0]!.key);
    expect(tsOf(r.stored)).toEqual([1, 2]);
    expect([sink.sent, sink.dropped, sink.retries, sink.queued]).toEqual([2, 0, 1, 0]);
    expect(errors).toHaveLength(1);
    await sink.shutdown();
  });

  it('waits out a 503’s Retry-After in seconds before resending, not its own zero backoff', async () => {
    const r = await receiver((n) =>
      n === 0 ? { kind: 'status', status: 503, headers: { 'retry-after': '1' } } : judge,
    );
    const sink = createHttpBatchSink({
      url: r.url,
      intervalMs: 20,
      random: () => 0,
      onError: () => undefined,
    });
    sink.write(rec(1));
    await waitFor(() => sink.sent === 1, 4000);
    expect(r.hits).toHaveLength(2); // ticks every 20 ms, yet one resend
    expect(r.hits[1]!.atMs - r.hits[0]!.atMs).toBeGreaterThanOrEqual(950);
    expect(r.hits[1]!.key).toBe(r.hits[0]!.key);
    expect([sink.sent, sink.retries]).toEqual([1, 1]);
    await sink.shutdown();
  });

  it('reads a Retry-After HTTP-date, and caps any Retry-After at maxBackoffMs', async () => {
    const at = new Date(Date.now() + 2000).toUTCString();
    const dated = await receiver((n) =>
      n === 0 ? { kind: 'status', status: 429, headers: { 'retry-after': at } } : judge,
    );
    const capped = await receiver((n) =>
      n === 0 ? { kind: 'status', status: 429, headers: { 'retry-after': '120' } } : judge,
    );
    const options = { intervalMs: 20, random: () => 0, onError: () => undefined };
    const a = createHttpBatchSink({ ...options, url: dated.url });
    const b = createHttpBatchSink({ ...options, url: capped.url, maxBackoffMs: 200 });
    a.write(rec(1));
    b.write(rec(2));
    await waitFor(() => dated.stored.length === 1 && capped.stored.length === 1, 5000);
    const gap = (r: Receiver): number => r.hits[1]!.atMs - r.hits[0]!.atMs;
    expect(gap(dated)).toBeGreaterThanOrEqual(900); // whole seconds: between 1 and 2 s from now
    expect(gap(capped)).toBeGreaterThanOrEqual(150);
    expect(gap(capped)).toBeLessThan(900);
    await Promise.all([a.shutdown(), b.shutdown()]);
  });

  it('after a timeout, meets 409 for its key still in flight, waits, and gets the first answer back', async () => {
    const r = await receiver((n) => (n === 0 ? { kind: 'slow', ms: 600 } : judge));
    const errors: unknown[] = [];
    const sink = createHttpBatchSink({
      url: r.url,
      intervalMs: 20,
      requestTimeoutMs: 200,
      random: () => 0,
      onError: (e) => errors.push(e),
    });
    [1, 2, 3].forEach((i) => sink.write(rec(i)));
    await waitFor(() => sink.sent === 3, 5000);
    expect(r.hits).toHaveLength(3); // timed out, 409, duplicate
    expect(new Set(r.hits.map((h) => h.key)).size).toBe(1);
    expect(r.hits[2]!.atMs - r.hits[1]!.atMs).toBeGreaterThanOrEqual(950);
    expect(tsOf(r.stored)).toEqual([1, 2, 3]);
    expect((errors[0] as Error).name).toBe('TimeoutError');
    expect(errors.filter(isIngestError).map((e) => [e.status, e.outcome])).toEqual([
      [409, 'retrying'],
    ]);
    expect([sink.dropped, sink.retries]).toEqual([0, 2]);
    await sink.shutdown();
  });

  it('gzips large batches with compress: true and leaves small ones plain', async () => {
    const r = await receiver();
    const sink = createHttpBatchSink({
      url: r.url,
      batchSize: 50,
      compress: true,
      intervalMs: 60_000,
    });
    for (let i = 0; i < 51; i++) sink.write(rec(i));
    await sink.shutdown();
    expect(r.hits.map((h) => [h.encoding, h.lines.length])).toEqual([
      ['gzip', 50],
      [undefined, 1],
    ]);
    expect(tsOf(r.stored)).toEqual(Array.from({ length: 51 }, (_, i) => i));
  });
});
