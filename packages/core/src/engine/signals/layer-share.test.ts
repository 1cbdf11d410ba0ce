// A layer's significance counts requests, not an SDK's retries of them.
import { describe, expect, it } from 'vitest';
import { assessLayer } from './layer-share.js';
import { Bucket, type CallFacts } from '../bucket.js';
import { sumBuckets } from '../window-stats.js';

const call = (failed: boolean, first: boolean): CallFacts => ({
  timeMs: 0,
  first,
  probe: false,
  timeoutMs: undefined,
  layer: failed ? 'provider' : null,
  reason: failed ? 'overloaded' : 'ok',
  observed: '',
  durationMs: 900,
  ttftMs: undefined,
});

/** One bucket of `ok` healthy requests and `failed` failed ones, each retried `retries` times. */
function window(ok: number, failed: number, retries: number) {
  const b = new Bucket(0);
  for (let i = 0; i < ok; i++) b.add(call(false, true));
  for (let i = 0; i < failed; i++) {
    b.add(call(true, true));
    for (let r = 0; r < retries; r++) b.add(call(true, false));
  }
  return sumBuckets([b]);
}

describe('layer significance', () => {
  it.each([
    {
      name: 'two failed requests retried twice each, at a quiet hour',
      ok: 1,
      failed: 2,
      retries: 2,
      anomalous: false,
    },
    {
      name: 'the same six failures as six requests',
      ok: 1,
      failed: 6,
      retries: 0,
      anomalous: true,
    },
    {
      name: 'a burst of failed requests, retried',
      ok: 20,
      failed: 12,
      retries: 2,
      anomalous: true,
    },
  ])('$name: anomalous $anomalous', ({ ok, failed, retries, anomalous }) => {
    expect(assessLayer(window(ok, failed, retries), 'provider', 0.006).anomalous).toBe(anomalous);
  });

  it.each([
    { pooled: 1, anomalous: true },
    { pooled: 3, anomalous: false },
  ])(
    'a provider pooling $pooled models raises 14 of 190 at a 1.35% baseline: $anomalous',
    ({ pooled, anomalous }) => {
      // p ≈ 5·10⁻⁷: past the raise level for one scope, not for one more look at three models' calls.
      const w = window(176, 14, 0);
      expect(assessLayer(w, 'provider', 0.0135, [], pooled).anomalous).toBe(anomalous);
      expect(assessLayer(w, 'provider', 0.0135, [], pooled).elevated).toBe(true);
    },
  );
});
