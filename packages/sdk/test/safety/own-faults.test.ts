// Faultline's own faults (async sinks, async checks, error handlers) never reach the app as rejections.
import { subscribe, unsubscribe } from 'node:diagnostics_channel';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createMemorySink, instrumentFetch, type RecordSink } from '../../src/index.js';
import { FAULT_CHANNEL } from '../../src/instrument/own-fault.js';
import { startRawServer, type RawServer } from '../raw-server.js';

let server: RawServer;
beforeAll(async () => {
  server = await startRawServer();
  server.handle('/json', (_q, res) =>
    res
      .writeHead(200, { 'content-type': 'application/json' })
      .end('{"choices":[{"message":{"content":"hi"},"finish_reason":"stop"}]}'),
  );
});
afterAll(() => server.close());

const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown): void => void unhandled.push(reason);
beforeEach(() => {
  unhandled.length = 0;
  process.on('unhandledRejection', onUnhandled);
});
afterEach(() => void process.off('unhandledRejection', onUnhandled));

/** One call through `f`, body read; then time for any unhandled rejection to surface. */
async function call(f: typeof fetch): Promise<unknown> {
  const res = await f(server.url + '/json', {
    method: 'POST',
    body: '{"model":"gpt-5.1","messages":[]}',
  });
  const body: unknown = await res.json();
  await new Promise((r) => setTimeout(r, 30));
  return body;
}

/** A sink whose write is async, as users write them although the type says void. */
const asyncSink = (write: () => Promise<void>): RecordSink => {
  const sink: { write(r: unknown): unknown } = { write };
  return sink;
};

const message = (e: unknown): string => (e instanceof Error ? e.message : String(e));

describe('own faults', () => {
  it('routes a sink whose write() rejects to onError, with no unhandled rejection', async () => {
    const errors: unknown[] = [];
    const f = instrumentFetch({
      provider: 'openai',
      sink: asyncSink(() => Promise.reject(new Error('sink rejected'))),
      onError: (e) => errors.push(e),
    });
    expect(await call(f)).toMatchObject({ choices: [{ finish_reason: 'stop' }] });
    expect(unhandled).toEqual([]);
    expect(errors.map(message)).toEqual(['sink rejected']);
  });

  it('routes an async check that rejects to onError, and the record is still written', async () => {
    const errors: unknown[] = [];
    const sink = createMemorySink();
    const f = instrumentFetch({
      provider: 'openai',
      sink,
      checks: { later: () => Promise.reject(new Error('check rejected')) as unknown as boolean },
      onError: (e) => errors.push(e),
    });
    await call(f);
    expect(unhandled).toEqual([]);
    expect(errors.map(message)).toEqual(['check rejected']);
    expect(sink.records).toHaveLength(1);
    expect(sink.records[0]!.checks).not.toHaveProperty('later');
  });

  it(`publishes own faults on the ${FAULT_CHANNEL} channel when there is no onError`, async () => {
    const published: unknown[] = [];
    const listener = (m: unknown): void => void published.push((m as { error: unknown }).error);
    subscribe(FAULT_CHANNEL, listener);
    try {
      const f = instrumentFetch({
        provider: 'openai',
        sink: asyncSink(async () => {
          await Promise.resolve();
          throw new Error('async sink threw');
        }),
        checks: {
          sync: () => {
            throw new Error('check threw');
          },
        },
      });
      await call(f);
    } finally {
      unsubscribe(FAULT_CHANNEL, listener);
    }
    expect(unhandled).toEqual([]);
    expect(published.map(message).sort()).toEqual(['async sink threw', 'check threw']);
  });

  it('survives an onError that itself rejects or throws', async () => {
    for (const onError of [
      () => Promise.reject(new Error('handler rejected')) as unknown as void,
      () => {
        throw new Error('handler threw');
      },
    ]) {
      const f = instrumentFetch({
        provider: 'openai',
        sink: asyncSink(() => Promise.reject(new Error('sink rejected'))),
        onError,
      });
      await call(f);
    }
    expect(unhandled).toEqual([]);
  });
});
