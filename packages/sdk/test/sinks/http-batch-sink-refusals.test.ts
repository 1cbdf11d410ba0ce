// The HTTP batch sink on refusals, rejected lines, a full queue and deadlines, against a real receiver.
import { afterEach, describe, expect, it } from 'vitest';
import { isConfigError } from '@faultline/core';
import { createHttpBatchSink, isIngestError, type IngestError } from '../../src/index.js';
import { startReceiver, type Receiver, type Reply } from './ingest-receiver.js';
import { badRec, rec, TOKEN, tsOf } from './sink-fixtures.js';

const receivers: Receiver[] = [];
afterEach(async () => {
  for (const r of receivers.splice(0)) await r.close();
});
async function receiver(script?: (n: number) => Reply, maxBytes?: number): Promise<Receiver> {
  const r = await startReceiver(script, maxBytes);
  receivers.push(r);
  return r;
}
const judge: Reply = { kind: 'judge' };
const ingestErrors = (errors: unknown[]): IngestError[] => errors.filter(isIngestError);

describe('HTTP batch sink refusals', () => {
  it('halves a batch refused with 413 until each part fits, storing every record once, in order', async () => {
    const r = await receiver(undefined, 200); // three records fit, four do not
    const sink = createHttpBatchSink({ url: r.url, batchSize: 8, intervalMs: 60_000 });
    for (let i = 1; i <= 8; i++) sink.write(rec(i));
    await sink.flush();
    expect(r.hits.map((h) => h.lines.length)).toEqual([8, 4, 2, 2, 4, 2, 2]);
    expect(new Set(r.hits.map((h) => h.key)).size).toBe(7); // each part is a new body, a new key
    expect(tsOf(r.stored)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect([sink.sent, sink.dropped, sink.retries]).toEqual([8, 0, 0]);
    await sink.shutdown();
  });

  it('drops a single record over the limit, reporting it once, and keeps the rest', async () => {
    const r = await receiver(undefined, 200);
    const errors: unknown[] = [];
    const sink = createHttpBatchSink({
      url: r.url,
      batchSize: 4,
      intervalMs: 60_000,
      onError: (e) => errors.push(e),
    });
    [rec(1), rec(2), rec(3), { ...rec(4), model: 'x'.repeat(300) }].forEach((x) => sink.write(x));
    await sink.flush();
    expect(tsOf(r.stored)).toEqual([1, 2, 3]);
    expect([sink.sent, sink.dropped]).toEqual([3, 1]);
    expect(errors).toHaveLength(1);
    expect(ingestErrors(errors).map((e) => [e.outcome, e.status, e.records])).toEqual([
      ['dropped', 413, 1],
    ]);
    await sink.shutdown();
  });

  it('does not retry a 401, reports it once, and never shows the token, even one the server echoes', async () => {
    const r = await receiver(() => ({
      kind: 'status',
      status: 401,
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ error: { code: 'unauthorized', message: `unknown token ${TOKEN}` } }),
    }));
    const errors: unknown[] = [];
    const sink = createHttpBatchSink({
      url: r.url,
      token: TOKEN,
      intervalMs: 60_000,
      onError: (e) => errors.push(e),
    });
    [1, 2].forEach((i) => sink.write(rec(i)));
    await sink.flush();
    await sink.flush();
    expect(r.hits).toHaveLength(1);
    expect([sink.dropped, sink.sent, sink.queued]).toEqual([2, 0, 0]);
    expect(errors).toHaveLength(1);
    const e = ingestErrors(errors)[0]!;
    expect([e.outcome, e.status]).toEqual(['dropped', 401]);
    expect(e.message).toContain('unauthorized: unknown token [redacted]');
    expect(`${e.message} ${e.stack} ${JSON.stringify(e)}`).not.toContain(TOKEN);
    await sink.shutdown();
  });

  it.each([400, 403, 415, 422])(
    'drops a batch refused with %i at once, without a retry',
    async (status) => {
      const r = await receiver(() => ({ kind: 'status', status }));
      const errors: unknown[] = [];
      const sink = createHttpBatchSink({
        url: r.url,
        intervalMs: 60_000,
        onError: (e) => errors.push(e),
      });
      [1, 2, 3].forEach((i) => sink.write(rec(i)));
      await sink.flush();
      await sink.flush();
      expect(r.hits).toHaveLength(1);
      expect([sink.dropped, sink.retries]).toEqual([3, 0]);
      expect(ingestErrors(errors).map((x) => x.status)).toEqual([status]);
      await sink.shutdown();
    },
  );

  it('counts the lines a 200 rejects and reports them once, with line and reason', async () => {
    const r = await receiver();
    const errors: unknown[] = [];
    const sink = createHttpBatchSink({
      url: r.url,
      intervalMs: 60_000,
      onError: (e) => errors.push(e),
    });
    [rec(1), badRec(), rec(3), badRec()].forEach((x) => sink.write(x));
    await sink.flush();
    expect(tsOf(r.stored)).toEqual([1, 3]);
    expect([sink.sent, sink.rejected, sink.dropped]).toEqual([2, 2, 0]);
    expect(errors).toHaveLength(1);
    const e = ingestErrors(errors)[0]!;
    expect(e.outcome).toBe('rejected');
    expect(e.rejected).toEqual([
      { line: 2, field: 'ts', reason: 'not a time' },
      { line: 4, field: 'ts', reason: 'not a time' },
    ]);
    expect(e.message).toContain('rejected 2 of 4 records: line 2 (ts): not a time; line 4');
    await sink.shutdown();
  });
});

describe('HTTP batch sink queue and deadlines', () => {
  it('drops the oldest records past maxQueue, a failed batch first, and sends the newest once the server is back', async () => {
    const r = await receiver((n) => (n === 0 ? { kind: 'status', status: 503 } : judge));
    const sink = createHttpBatchSink({
      url: r.url,
      maxQueue: 5,
      intervalMs: 60_000,
      onError: () => undefined,
    });
    [1, 2, 3].forEach((i) => sink.write(rec(i)));
    await sink.flush(); // 503: the batch of three waits for a retry
    for (let i = 4; i <= 12; i++) sink.write(rec(i));
    expect([sink.queued, sink.dropped]).toEqual([5, 7]);
    await sink.flush();
    expect(tsOf(r.stored)).toEqual([8, 9, 10, 11, 12]);
    expect([sink.sent, sink.dropped, sink.queued]).toEqual([5, 7, 0]);
    await sink.shutdown();
  });

  it('flush() waits out a Retry-After shorter than its deadline, then sends', async () => {
    const r = await receiver((n) =>
      n === 0 ? { kind: 'status', status: 503, headers: { 'retry-after': '1' } } : judge,
    );
    const sink = createHttpBatchSink({ url: r.url, intervalMs: 60_000, onError: () => undefined });
    sink.write(rec(1));
    await sink.flush();
    const t0 = Date.now();
    await sink.flush();
    expect(Date.now() - t0).toBeGreaterThanOrEqual(900);
    expect(tsOf(r.stored)).toEqual([1]);
    await sink.shutdown();
  });

  it('flush() and shutdown() end by their deadline when the Retry-After is longer', async () => {
    const r = await receiver(() => ({
      kind: 'status',
      status: 503,
      headers: { 'retry-after': '10' },
    }));
    const sink = createHttpBatchSink({
      url: r.url,
      intervalMs: 60_000,
      flushTimeoutMs: 300,
      onError: () => undefined,
    });
    sink.write(rec(1));
    await sink.flush();
    const t0 = Date.now();
    await sink.flush();
    await sink.shutdown();
    expect(Date.now() - t0).toBeLessThan(1500);
    expect([r.hits.length, sink.queued, sink.sent]).toEqual([1, 1, 0]);
  });

  it('refuses a token or URL it cannot send, without quoting the token', () => {
    const bad = () => createHttpBatchSink({ url: 'http://127.0.0.1:7600', token: `${TOKEN}\n` });
    expect(bad).toThrow(/token: must be visible ASCII/);
    try {
      bad();
    } catch (e: unknown) {
      expect(isConfigError(e)).toBe(true);
      expect(String((e as Error).message)).not.toContain(TOKEN);
    }
    expect(() => createHttpBatchSink({ url: 'ftp://127.0.0.1/' })).toThrow(/url: must be http/);
    expect(() => createHttpBatchSink({ url: '127.0.0.1:7600' })).toThrow(
      /url: not an absolute URL/,
    );
  });
});
