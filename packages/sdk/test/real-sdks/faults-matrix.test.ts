// Every fault, streaming and not, through each official SDK: the record classifies right and the
// caller sees exactly what an uninstrumented client sees.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { classify, type CallRecord } from '@faultline/core';
import { startFakeProvider, type FakeProvider, type FaultRule } from '@faultline/fake-provider';
import { createMemorySink, instrumentFetch } from '../../src/index.js';
import { SDKS, call, type CallOptions, type SdkName } from './clients.js';

let fp: FakeProvider;
beforeAll(async () => {
  fp = await startFakeProvider({ seed: 7 });
});
afterAll(() => fp.close());
beforeEach(() => fp.clearFaults());

/** Expected "layer/reason" per SDK; a string applies to all three. */
type Expect = string | Record<SdkName, string>;

interface Case {
  name: string;
  fault: FaultRule['fault'];
  expect: Expect;
  streams?: readonly boolean[];
  options?: Partial<CallOptions>;
  /** Fields the record must have. */
  record?: (r: CallRecord, sdk: SdkName, stream: boolean) => void;
}

const CASES: Case[] = [
  { name: 'success', fault: { kind: 'latency', ms: 0 }, expect: 'none/ok' },
  {
    name: 'overload',
    fault: { kind: 'overload' },
    expect: 'provider/overloaded',
    record: (r, sdk) => expect(r.http_status).toBe(sdk === 'anthropic' ? 529 : 503),
  },
  { name: '401', fault: { kind: 'status', status: 401 }, expect: 'integration/auth' },
  { name: '400', fault: { kind: 'status', status: 400 }, expect: 'integration/bad_request' },
  { name: '500', fault: { kind: 'status', status: 500 }, expect: 'provider/server_error' },
  { name: '429', fault: { kind: 'status', status: 429 }, expect: 'integration/rate_limited' },
  {
    name: 'HTML error page without a request id',
    fault: { kind: 'html', status: 403 },
    expect: 'network/edge_rejected',
    record: (r) => {
      expect(r.request_id).toBeUndefined();
      expect(r.content_type).toMatch(/html/);
    },
  },
  { name: 'HTML 502 from a proxy', fault: { kind: 'html', status: 502 }, expect: 'network/proxy' },
  {
    name: 'connection reset before headers',
    fault: { kind: 'reset' },
    expect: 'network/reset',
    record: (r) => expect(r.http_status).toBeUndefined(),
  },
  {
    name: 'socket closed mid-stream',
    fault: { kind: 'drop', afterTokens: 3 },
    streams: [true],
    expect: 'provider/stream_error',
    record: (r) => expect(r).toMatchObject({ http_status: 200, stream_completed: false }),
  },
  {
    name: 'SSE error event after some tokens',
    fault: { kind: 'stream_error', afterTokens: 3 },
    streams: [true],
    expect: {
      anthropic: 'provider/overloaded',
      openai: 'provider/stream_error',
      google: 'provider/stream_error',
    },
    record: (r) => {
      expect(r.http_status).toBe(200);
      expect(r.stream_error_type).toBeDefined();
    },
  },
  {
    name: 'socket closed mid-body',
    fault: { kind: 'drop', afterTokens: 3 },
    streams: [false],
    expect: 'provider/stream_error',
    record: (r) => expect(r).toMatchObject({ http_status: 200, network_error: 'UND_ERR_SOCKET' }),
  },
  {
    name: 'latency before headers, inside the deadline',
    fault: { kind: 'latency', ms: 250 },
    expect: 'none/ok',
    record: (r) => expect(r.duration_ms).toBeGreaterThanOrEqual(240),
  },
  {
    name: 'slow tokens',
    fault: { kind: 'slow_tokens', tokensPerSecond: 400 },
    streams: [true],
    expect: 'none/ok',
    record: (r) => expect(r.duration_ms! - r.ttft_ms!).toBeGreaterThan(20),
  },
  {
    name: 'a stall that ends',
    fault: { kind: 'stall', afterTokens: 2, ms: 300 },
    expect: 'none/ok',
    record: (r) => expect(r.duration_ms).toBeGreaterThanOrEqual(290),
  },
  { name: 'empty output', fault: { kind: 'empty' }, expect: 'model/empty' },
  {
    name: 'truncation',
    fault: { kind: 'truncate', afterTokens: 4 },
    expect: 'model/truncated',
    record: (r, sdk) =>
      expect(r.stop_reason).toBe(
        { anthropic: 'max_tokens', openai: 'length', google: 'MAX_TOKENS' }[sdk],
      ),
  },
  {
    name: 'refusal',
    fault: { kind: 'refusal' },
    expect: { anthropic: 'model/refusal', openai: 'model/refusal', google: 'model/content_filter' },
  },
  {
    name: 'malformed JSON when JSON was asked',
    fault: { kind: 'malformed_json' },
    options: { json: true },
    expect: 'model/malformed',
    record: (r) => expect(r.checks?.json_valid).toBe(false),
  },
  {
    name: 'garbled text caught by a user check',
    fault: { kind: 'garbled' },
    expect: 'model/check_failed',
    record: (r) => expect(r.checks?.latin_only).toBe(false),
  },
  {
    name: 'our deadline below the provider latency',
    fault: { kind: 'latency', ms: 2500 },
    options: { timeoutMs: 1000 },
    streams: [false],
    expect: 'integration/client_timeout',
    record: (r) => expect(r.aborted_by).toBe('timeout'),
  },
];

function expected(e: Expect, sdk: SdkName): string {
  return typeof e === 'string' ? e : e[sdk];
}

for (const sdk of SDKS) {
  describe(`${sdk} SDK through instrumentFetch`, () => {
    for (const c of CASES) {
      for (const stream of c.streams ?? [false, true]) {
        it(`${c.name} (${stream ? 'stream' : 'non-stream'})`, async () => {
          fp.addFaults({ provider: sdk, fault: c.fault });
          const options: CallOptions = { stream, ...c.options };
          const plain = await call(sdk, fp.url, undefined, options);
          const sink = createMemorySink();
          const errors: unknown[] = [];
          const fetch = instrumentFetch({
            provider: sdk,
            sink,
            onError: (e) => errors.push(e),
            ...(options.timeoutMs === undefined ? {} : { timeoutMs: options.timeoutMs }),
            checks: {
              latin_only: (text) => !/[\u0E00-\u0E7F\u3040-\u30FF\u4E00-\u9FFF]/.test(text),
            },
          });
          const instrumented = await call(sdk, fp.url, fetch, options);
          expect(instrumented).toEqual(plain);
          expect(errors).toEqual([]);
          expect(sink.records).toHaveLength(1);
          const record = sink.records[0]!;
          const got = classify(record);
          expect(`${got.layer}/${got.reason}`).toBe(expected(c.expect, sdk));
          expect(record).toMatchObject({ provider: sdk, attempt: 1, source: 'sdk' });
          if (stream) expect(record.stream).toBe(true);
          c.record?.(record, sdk, stream);
        });
      }
    }
  });
}
