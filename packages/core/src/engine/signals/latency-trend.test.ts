// The pooled provider-wide latency series: a sustained excess over 3× is slow, a level under it
// is not however long it lasts, and the start is where the level reached the slow level.
import { describe, expect, it } from 'vitest';
import { slowByTrend, trendStart, type Point } from './latency-trend.js';

const NOW = 1_000_000_000;
/** A series, newest first, of buckets 10 s apart with `calls` each, at `ratio(k)` for bucket k back. */
const series = (n: number, ratio: (k: number) => number, calls = 50): Point[] =>
  Array.from({ length: n }, (_, k) => ({
    startMs: NOW - (k + 1) * 10_000,
    logRatio: Math.log(ratio(k)),
    calls,
  }));

describe('slowByTrend', () => {
  it.each([
    { name: '2.8× for ten minutes', s: series(60, () => 2.8), slow: false },
    { name: '3.2× for 30 s (150 calls 6% over)', s: series(3, () => 3.2), slow: true },
    { name: '3.2× for 10 s only', s: series(1, () => 3.2), slow: false },
    { name: '5× in one bucket of 20 calls', s: series(1, () => 5, 20), slow: true },
    {
      name: '3.2× now after ten minutes at 2.8× (the past does not carry over)',
      s: series(60, (k) => (k < 3 ? 3.2 : 2.8)),
      slow: true,
    },
    { name: 'healthy', s: series(60, () => 1), slow: false },
  ])('$name → $slow', ({ s, slow }) => {
    expect(slowByTrend(s)).toBe(slow);
  });
});

describe('trendStart', () => {
  it('dates a step slowdown by its first slow bucket', () => {
    const s = series(60, (k) => (k < 6 ? 5 : 1));
    expect(trendStart(s)).toBe(NOW - 6 * 10_000);
  });

  it('dates a creep by where its line crosses 2.85×', () => {
    // Rising 0.02× per bucket (0.12× a minute), 3.3× now: 2.85× was 22.5 buckets ago.
    const s = series(60, (k) => 3.3 - 0.02 * k);
    const crossing = NOW - 10_000 * 22.5 - 5_000;
    expect(Math.abs(trendStart(s) - crossing)).toBeLessThan(15_000);
  });

  it('falls back to the run start when the level is flat', () => {
    const s = series(60, (k) => (k < 12 ? 4 : 1));
    expect(trendStart(s)).toBe(NOW - 12 * 10_000);
  });
});
