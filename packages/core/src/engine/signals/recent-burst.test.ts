// A burst in the newest buckets raises a layer at once, though the minute's share is diluted.
import { describe, expect, it } from 'vitest';
import { assessLayer } from './layer-share.js';
import { Bucket, type CallFacts } from '../bucket.js';
import { recentBurst } from './recent-burst.js';
import { sumBuckets } from '../window-stats.js';

const call = (failed: boolean, timeMs: number): CallFacts => ({
  timeMs,
  first: true,
  probe: false,
  timeoutMs: undefined,
  layer: failed ? 'model' : null,
  reason: failed ? 'empty' : 'ok',
  observed: failed ? 'empty' : '',
  durationMs: 900,
  ttftMs: undefined,
});

/** Buckets newest first, each ten calls with `fails[k]` model failures. */
function buckets(fails: readonly number[]): Bucket[] {
  return fails.map((f, k) => {
    const b = new Bucket(-k * 10_000);
    for (let i = 0; i < 10; i++) b.add(call(i < f, b.startMs + i));
    return b;
  });
}

describe('a recent burst', () => {
  it.each([
    { name: 'a fault 30 s old at 1 request/s', fails: [5, 5, 4, 0, 0, 0], burst: true },
    { name: 'the same failures spread over the minute', fails: [3, 2, 2, 3, 2, 2], burst: false },
    {
      name: 'one bad bucket in a quiet minute',
      fails: [9, 0, 0, 0, 0, 0],
      burst: false,
    },
    { name: 'noise at the baseline', fails: [1, 0, 1, 0, 0, 1], burst: false },
  ])('$name: burst $burst', ({ fails, burst }) => {
    expect(recentBurst(buckets(fails), 'model', 0.05)).toBe(burst);
  });

  it('makes a layer anomalous that the diluted minute alone does not', () => {
    const bs = buckets([5, 5, 4, 0, 0, 0]);
    const w = sumBuckets(bs);
    expect(assessLayer(w, 'model', 0.05).anomalous).toBe(false);
    expect(assessLayer(w, 'model', 0.05, bs)).toMatchObject({
      anomalous: true,
      elevated: true,
      member: true,
    });
  });
});
