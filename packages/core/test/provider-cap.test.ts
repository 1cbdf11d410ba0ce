// The engine's memory is bounded by providers too: a cap, an "other" bucket, a warning, eviction.
import { describe, expect, it } from 'vitest';
import {
  createEngine,
  DEFAULT_MAX_PROVIDERS,
  OVERFLOW_PROVIDER,
  type CallRecord,
  type Engine,
  type EngineWarning,
} from '../src/index.js';
import { MIN, T0 } from './traffic.js';

/** One call every 20 ms, each naming provider `name(i)`; `status(i)` decides its outcome. */
function spread(n: number, name: (i: number) => string, status: (i: number) => number, from = T0) {
  const out: CallRecord[] = [];
  for (let i = 0; i < n; i++) {
    out.push({
      ts: from + i * 20,
      provider: name(i),
      model: 'm',
      http_status: status(i),
      output_chars: 4,
      duration_ms: 800,
    });
  }
  return out;
}

const feed = (engine: Engine, recs: readonly CallRecord[]): void => {
  for (const r of recs) engine.ingest(r, r.ts as number);
};
const tracked = (engine: Engine): string[] => engine.snapshot().providers.map((p) => p.provider);

describe('the provider cap', () => {
  it('counts providers beyond the cap as "other" and warns once', () => {
    const engine = createEngine({ maxProviders: 5 });
    const heard: EngineWarning[] = [];
    engine.onWarning((w) => heard.push(w));
    const recs = spread(
      500,
      (i) => `p-${i}`,
      () => 200,
    );
    feed(engine, recs);
    expect(tracked(engine)).toEqual(['p-0', 'p-1', 'p-2', 'p-3', 'p-4', OVERFLOW_PROVIDER]);
    expect(heard).toHaveLength(1);
    expect(engine.warnings()).toEqual(heard);
    expect(heard[0]).toMatchObject({
      kind: 'provider_cap',
      provider: OVERFLOW_PROVIDER,
      atMs: recs[5]!.ts,
    });
    expect(heard[0]!.message).toContain('more than 5 distinct providers');
    expect(heard[0]!.message).toContain('"p-5"');
  });

  it('bounds tracked providers by default, however many names a stream makes up', () => {
    const engine = createEngine();
    feed(
      engine,
      spread(
        5 * DEFAULT_MAX_PROVIDERS,
        (i) => `p-${i}`,
        () => 500,
      ),
    );
    expect(tracked(engine)).toHaveLength(DEFAULT_MAX_PROVIDERS + 1);
    expect(engine.warnings().map((w) => w.kind)).toEqual(['provider_cap']);
  });

  it('still diagnoses a failing provider among the untracked ones, as "other"', () => {
    const engine = createEngine({ maxProviders: 2 });
    // two healthy tracked providers, then a stream of made-up names that all fail
    feed(
      engine,
      spread(
        3000,
        (i) => (i % 2 === 0 ? 'a' : 'b'),
        () => 200,
      ),
    );
    feed(
      engine,
      spread(
        3000,
        (i) => (i % 3 === 0 ? `x-${i}` : i % 3 === 1 ? 'a' : 'b'),
        (i) => (i % 3 === 0 ? 500 : 200),
        T0 + MIN,
      ),
    );
    engine.tick(T0 + 3 * MIN);
    const found = engine.incidents();
    expect(found.map((i) => [i.layer, i.reason, i.provider])).toEqual([
      ['provider', 'server_error', OVERFLOW_PROVIDER],
    ]);
  });

  it('frees places when providers fall quiet, so new providers are tracked by name', () => {
    const engine = createEngine({ maxProviders: 3 });
    feed(
      engine,
      spread(
        300,
        (i) => `old-${i % 3}`,
        () => 200,
      ),
    );
    feed(
      engine,
      spread(
        300,
        (i) => `new-${i % 3}`,
        () => 200,
        T0 + 12 * MIN,
      ),
    );
    expect(tracked(engine)).toEqual(['new-0', 'new-1', 'new-2']);
    expect(engine.warnings()).toEqual([]);
  });

  it('warns once across a snapshot and resume', () => {
    const first = createEngine({ maxProviders: 2 });
    feed(
      first,
      spread(
        10,
        (i) => `p-${i}`,
        () => 200,
      ),
    );
    const saved = JSON.parse(JSON.stringify(first.snapshot())) as ReturnType<Engine['snapshot']>;
    const resumed = createEngine({ maxProviders: 2, initialState: saved });
    feed(
      resumed,
      spread(
        10,
        (i) => `q-${i}`,
        () => 200,
        T0 + 1000,
      ),
    );
    expect(resumed.warnings().map((w) => w.kind)).toEqual(['provider_cap']);
    expect(tracked(resumed)).toEqual(['p-0', 'p-1', OVERFLOW_PROVIDER]);
  });
});
