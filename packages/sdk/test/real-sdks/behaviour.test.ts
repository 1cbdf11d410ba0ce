// Retries, caller cancellation, TTFT and containment of our own failures, with the real SDKs.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { classify } from '@faultline/core';
import { startFakeProvider, type FakeProvider } from '@faultline/fake-provider';
import { createMemorySink, instrumentFetch } from '../../src/index.js';
import { call } from './clients.js';

let fp: FakeProvider;
beforeAll(async () => {
  fp = await startFakeProvider({ seed: 11 });
});
afterAll(() => fp.close());
beforeEach(() => fp.clearFaults());

describe('real SDK behaviour through instrumentFetch', () => {
  it.each(['anthropic', 'openai'] as const)(
    '%s: SDK retries give one record per attempt',
    async (sdk) => {
      fp.addFaults({ provider: sdk, fault: { kind: 'overload', retryAfterS: 0 } });
      const sink = createMemorySink();
      const out = await call(sdk, fp.url, instrumentFetch({ provider: sdk, sink }), {
        stream: false,
        maxRetries: 2,
      });
      expect(out.ok).toBe(false);
      expect(sink.records.map((r) => r.attempt)).toEqual([1, 2, 3]);
      expect(sink.records.every((r) => classify(r).reason === 'overloaded')).toBe(true);
    },
  );

  it.each(['anthropic', 'openai', 'google'] as const)(
    '%s: a caller abort is recorded as cancelled',
    async (sdk) => {
      fp.addFaults({ provider: sdk, fault: { kind: 'latency', ms: 2000 } });
      const sink = createMemorySink();
      const ctl = new AbortController();
      setTimeout(() => ctl.abort(), 150);
      const out = await call(sdk, fp.url, instrumentFetch({ provider: sdk, sink }), {
        stream: false,
        signal: ctl.signal,
      });
      expect(out.ok).toBe(false);
      expect(sink.records[0]?.aborted_by).toBe('caller');
      expect(classify(sink.records[0]!)).toMatchObject({ layer: 'none', reason: 'cancelled' });
    },
  );

  it.each(['anthropic', 'openai', 'google'] as const)(
    '%s: streams record TTFT and usage',
    async (sdk) => {
      const sink = createMemorySink();
      const out = await call(sdk, fp.url, instrumentFetch({ provider: sdk, sink }), {
        stream: true,
      });
      expect(out.ok).toBe(true);
      const r = sink.records[0]!;
      expect(r.ttft_ms).toBeGreaterThan(0);
      expect(r.output_chars).toBeGreaterThan(0);
      expect(r.output_tokens).toBeGreaterThan(0);
      expect(r.stream_completed).toBe(true);
      expect(r.request_id === undefined).toBe(sdk === 'google');
    },
  );

  it.each(['anthropic', 'openai', 'google'] as const)(
    '%s: a throwing sink and a throwing check never reach the caller',
    async (sdk) => {
      const plain = await call(sdk, fp.url, undefined, { stream: true });
      const errors: unknown[] = [];
      const fetch = instrumentFetch({
        provider: sdk,
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
      expect(await call(sdk, fp.url, fetch, { stream: true })).toEqual(plain);
      expect(errors.length).toBe(2);
    },
  );
});
