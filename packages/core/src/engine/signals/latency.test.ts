// Latency: median, p95 or time to first token at 3× a ready baseline is slow; 2× keeps it open.
import { describe, expect, it } from 'vitest';
import { repeat, scopeOf, viewOf, type TestCall } from '../../../test/signal-scope.js';
import { latency } from './latency.js';

const at = (ms: number, n: number): TestCall[] =>
  Array.from({ length: n }, () => ({ durationMs: ms }));

/** `healthy` buckets of 10 calls at 800 ms learned from, then `slow` buckets at `ms`. */
function reading(healthy: number, slow: number, ms: number, perBucket = 10) {
  const buckets = [...repeat(healthy, at(800, 10)), ...repeat(slow, at(ms, perBucket))];
  const scope = scopeOf(buckets);
  // Learn the healthy buckets as the engine would, bucket by bucket.
  for (let k = 0; k < healthy; k++) {
    const b = scopeOf(buckets.slice(0, k + 1));
    for (const newest of b.recent(1))
      scope.learn(
        newest,
        { integration: false, network: false, provider: false, model: false },
        false,
        viewOf(b).window,
      );
  }
  return latency.read!(viewOf(scope))!;
}

describe('latency', () => {
  it.each([
    {
      name: '4× slower for a minute after ten healthy buckets',
      healthy: 10,
      slow: 6,
      ms: 3200,
      anomalous: true,
      elevated: true,
    },
    {
      name: '2.5× slower: elevated, not slow',
      healthy: 10,
      slow: 6,
      ms: 2000,
      anomalous: false,
      elevated: true,
    },
    { name: 'at the baseline', healthy: 10, slow: 6, ms: 820, anomalous: false, elevated: false },
    {
      name: '4× slower on a baseline from two buckets (not ready)',
      healthy: 2,
      slow: 6,
      ms: 3200,
      anomalous: false,
      elevated: true,
    },
    {
      name: '4× slower on too few calls (one a bucket)',
      healthy: 10,
      slow: 6,
      ms: 3200,
      per: 1,
      anomalous: false,
      elevated: true,
    },
  ])('$name', ({ healthy, slow, ms, per, anomalous, elevated }) => {
    expect(reading(healthy, slow, ms, per)).toMatchObject({ anomalous, elevated });
  });
});
