// The router with the official SDKs against the fake provider: what moves on, what passes through.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startFakeProvider, type FakeProvider } from '@faultline/fake-provider';
import { createRouter, type Router } from '../../src/route/index.js';
import { createMemorySink, targets, type Answer, type Chunk } from './route-clients.js';

let fp: FakeProvider;
beforeAll(async () => {
  fp = await startFakeProvider({ seed: 7 });
});
afterAll(() => fp.close());
beforeEach(() => fp.clearFaults());

function makeRouter(): {
  router: Router<string, Answer, Chunk>;
  sink: ReturnType<typeof createMemorySink>;
} {
  const sink = createMemorySink();
  const ref: { router?: Router<string, Answer, Chunk> } = {};
  const ts = targets(fp.url, () => ref.router!.sink(sink));
  const router = (ref.router = createRouter<string, Answer, Chunk>({
    targets: ts,
    breaker: { failureThreshold: 3 },
  }));
  return { router, sink };
}

async function collect(s: AsyncIterable<Chunk>): Promise<Chunk[]> {
  const out: Chunk[] = [];
  for await (const c of s) out.push(c);
  return out;
}

describe('router failover with the real SDKs', () => {
  it('moves on after a 529 overload and serves from the backup', async () => {
    fp.addFaults({ provider: 'anthropic', fault: { kind: 'overload', retryAfterS: 0 } });
    const { router, sink } = makeRouter();
    const a = await router.call('hello');
    expect(a.by).toBe('backup');
    expect(sink.records.map((r) => [r.provider, r.http_status])).toEqual([
      ['anthropic', 529],
      ['openai', 200],
    ]);
  });

  it('moves on after an HTTP-200 empty answer, seen through the instrument checks', async () => {
    fp.addFaults({ provider: 'anthropic', fault: { kind: 'empty' } });
    const { router } = makeRouter();
    expect((await router.call('hello')).by).toBe('backup');
  });

  it('keeps a truncated answer by default (truncation moves on only where configured)', async () => {
    fp.addFaults({ provider: 'anthropic', fault: { kind: 'truncate', afterTokens: 2 } });
    const { router } = makeRouter();
    expect((await router.call('hello')).by).toBe('primary');
  });

  it('never moves on after our own bad request, and never opens the breaker for it', async () => {
    fp.addFaults({
      provider: 'anthropic',
      fault: { kind: 'status', status: 400, errorType: 'invalid_request_error' },
    });
    const { router } = makeRouter();
    for (let i = 0; i < 5; i++)
      await expect(router.call('hello')).rejects.toMatchObject({ status: 400 });
    expect(router.states()[0]?.state.state).toBe('closed');
  });

  it('skips the primary once its breaker opened on consecutive failures', async () => {
    fp.addFaults({ provider: 'anthropic', fault: { kind: 'overload', retryAfterS: 0 } });
    const { router, sink } = makeRouter();
    for (let i = 0; i < 3; i++) await router.call('hello');
    expect(router.states()[0]?.state.state).toBe('open');
    sink.clear();
    expect((await router.call('hello')).by).toBe('backup');
    expect(sink.records.map((r) => r.provider)).toEqual(['openai']);
  });

  it('moves a stream on when it fails before the first content chunk', async () => {
    fp.addFaults({
      provider: 'anthropic',
      stream: true,
      fault: { kind: 'stream_error', afterTokens: 0 },
    });
    const { router } = makeRouter();
    const chunks = await collect(await router.stream('hello'));
    expect(new Set(chunks.map((c) => c.by))).toEqual(new Set(['backup']));
    expect(chunks.map((c) => c.text).join('')).not.toBe('');
  });

  it('passes a stream error after content through to the caller, and counts it', async () => {
    fp.addFaults({
      provider: 'anthropic',
      stream: true,
      fault: { kind: 'stream_error', afterTokens: 3 },
    });
    const { router, sink } = makeRouter();
    const seen: Chunk[] = [];
    await expect(async () => {
      for await (const c of await router.stream('hello')) seen.push(c);
    }).rejects.toThrow();
    expect(seen.length).toBeGreaterThan(0);
    expect(seen.every((c) => c.by === 'primary')).toBe(true);
    expect(sink.records.at(-1)).toMatchObject({
      provider: 'anthropic',
      stream_error_type: 'overloaded_error',
    });
    expect(router.states()[0]?.state).toMatchObject({ state: 'closed', failures: 1 });
  });

  it('never moves on after the caller aborts', async () => {
    fp.addFaults({ provider: 'anthropic', fault: { kind: 'latency', ms: 2_000 } });
    const { router, sink } = makeRouter();
    const ctl = new AbortController();
    setTimeout(() => ctl.abort(), 100);
    await expect(router.call('hello', { signal: ctl.signal })).rejects.toThrow();
    expect(sink.records.map((r) => r.provider)).toEqual(['anthropic']);
  });
});
