// Latency quantiles interpolate inside their bin, so a slow-down reads as its size, not in 25% steps.
import { describe, expect, it } from 'vitest';
import { LatencyHistogram } from './latency-histogram.js';

const of = (...ms: number[]): LatencyHistogram => {
  const h = new LatencyHistogram();
  for (const m of ms) h.add(m);
  return h;
};

describe('latency histogram quantiles', () => {
  it.each([
    { name: 'one call', ms: [1000], q: 0.5 },
    { name: 'a spread of calls', ms: [400, 700, 1000, 1300, 2500, 4000, 9000], q: 0.5 },
    { name: 'a tail', ms: Array.from({ length: 100 }, (_, i) => 200 + i * 40), q: 0.95 },
  ])('stays within a bin (25%) of the exact quantile: $name', ({ ms, q }) => {
    const exact = [...ms].sort((a, b) => a - b)[Math.ceil(q * ms.length) - 1]!;
    const got = of(...ms).quantile(q);
    expect(got / exact).toBeGreaterThan(0.8);
    expect(got / exact).toBeLessThan(1.25);
  });

  it('reads 3× for calls 3× slower, wherever they fall in the bins', () => {
    for (const base of [800, 900, 1000, 1100, 1200]) {
      const calls = (f: number) => Array.from({ length: 60 }, (_, i) => f * base * (1 + i / 100));
      const ratio = of(...calls(3)).quantile(0.5) / of(...calls(1)).quantile(0.5);
      expect(ratio).toBeGreaterThan(2.85);
      expect(ratio).toBeLessThan(3.15);
    }
  });

  it('is NaN when empty', () => {
    expect(new LatencyHistogram().quantile(0.5)).toBeNaN();
  });
});
