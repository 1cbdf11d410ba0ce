// Builds a model scope from calls placed in 10-second buckets, for the signals' table tests.
import type { FailureLayer } from '../src/diagnosis/index.js';
import type { CallFacts } from '../src/engine/bucket.js';
import { ScopeStats, type BucketClock } from '../src/engine/scope-stats.js';
import { sumBuckets } from '../src/engine/window-stats.js';
import type { ScopeView } from '../src/engine/signals/signal.js';

/** One call: a success unless `layer` is set. */
export interface TestCall {
  readonly layer?: FailureLayer;
  readonly probe?: boolean;
  readonly golden?: boolean;
  readonly durationMs?: number;
  readonly timeoutMs?: number;
}

/** A success, a failure at `layer`, or a probe call. */
export const ok: TestCall = { durationMs: 800 };
export const fail = (layer: FailureLayer): TestCall => ({ layer });
export const probeOk: TestCall = { probe: true, durationMs: 300 };
export const probeFail = (layer: FailureLayer): TestCall => ({ layer, probe: true });

function facts(c: TestCall, timeMs: number): CallFacts {
  const layer = c.layer ?? null;
  return {
    timeMs,
    first: true,
    probe: c.probe === true,
    golden: c.golden,
    timeoutMs: c.timeoutMs,
    layer,
    reason: layer === null ? 'ok' : layer === 'model' ? 'empty' : 'server_error',
    observed: '',
    durationMs: layer === null ? c.durationMs : undefined,
    ttftMs: undefined,
  };
}

/** A model scope whose closed buckets, oldest first, hold `buckets`' calls; now is the next bucket. */
export function scopeOf(buckets: readonly (readonly TestCall[])[], startMs = 0): ScopeStats {
  const clock: BucketClock = { startMs };
  const s = new ScopeStats('openai', 'gpt-4.1', clock);
  buckets.forEach((calls, k) => {
    clock.startMs = startMs + k * 10_000;
    calls.forEach((c, i) => s.add(facts(c, clock.startMs + i)));
  });
  clock.startMs = startMs + buckets.length * 10_000;
  return s;
}

/** The view of `s` a signal reads at an evaluation. */
export function viewOf(s: ScopeStats): ScopeView {
  const buckets = [...s.recent(6)];
  return { stats: s, buckets, window: sumBuckets(buckets), pooled: 1 };
}

/** `n` copies of `calls`' buckets. */
export const repeat = (n: number, calls: readonly TestCall[]): TestCall[][] =>
  Array.from({ length: n }, () => [...calls]);
