// When probes call: spread first calls and every ± 10% on a fake clock; measured spread on real timers.
import { startFakeProvider, type FakeProvider } from '@faultline/fake-provider';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createProber } from '../../src/probes/index.js';
import { ProbeRig, probeConfig } from './probe-fixture.js';

let fake: FakeProvider;
beforeAll(async () => {
  fake = await startFakeProvider({ seed: 5 });
});
afterAll(() => fake.close());

/** A seeded generator in [0, 1) (mulberry32), so the fake-clock runs are repeatable. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('probe scheduling on a fake clock', () => {
  it('spreads first calls over the first interval, then keeps every interval within ±10%', async () => {
    const every = 60_000;
    const r = new ProbeRig(
      [
        probeConfig('anthropic', fake.url, { every }),
        probeConfig('openai', fake.url, { every }),
        probeConfig('gemini', fake.url, { every }),
      ],
      seeded(42),
    );
    const firsts = r.timers.delays.slice(0, 3);
    for (const d of firsts) expect(d >= 0 && d < every).toBe(true);
    expect(new Set(firsts).size).toBe(3);
    for (let i = 0; i < 30; i++) await r.nextRecord();
    const later = r.timers.delays.slice(3);
    expect(later.length).toBeGreaterThanOrEqual(30);
    expect(Math.min(...later)).toBeGreaterThanOrEqual(0.9 * every);
    expect(Math.max(...later)).toBeLessThanOrEqual(1.1 * every);
    // Jitter really varies the intervals (not a fixed offset).
    expect(Math.max(...later) - Math.min(...later)).toBeGreaterThan(0.1 * every);
    expect(r.prober.state().map((s) => s.calls)).toEqual([10, 10, 10]);
    await r.prober.stop();
  });
});

describe('probe scheduling on real timers', () => {
  it('measures the spread of actual intervals (probe scheduling jitter)', async () => {
    const every = 200;
    const starts: number[] = [];
    const base = globalThis.fetch;
    const prober = createProber({
      probes: [probeConfig('anthropic', fake.url, { every })],
      sink: () => undefined,
      now: Date.now,
      log: () => undefined,
      fetch: (input, init) => {
        starts.push(performance.now());
        return base(input, init);
      },
    });
    prober.start();
    await new Promise((resolve) => setTimeout(resolve, 8200));
    await prober.stop();
    const gaps = starts.slice(1).map((t, i) => t - starts[i]!);
    expect(gaps.length).toBeGreaterThanOrEqual(30);
    const ratios = gaps.map((g) => g / every).sort((a, b) => a - b);
    const mean = ratios.reduce((s, x) => s + x, 0) / ratios.length;
    const sd = Math.sqrt(ratios.reduce((s, x) => s + (x - mean) ** 2, 0) / ratios.length);
    process.stdout.write(
      `probe scheduling jitter: every ${every} ms, ${gaps.length} intervals: ` +
        `min ${(ratios[0]! * every).toFixed(1)} ms, p50 ${(ratios[Math.floor(ratios.length / 2)]! * every).toFixed(1)} ms, ` +
        `max ${(ratios.at(-1)! * every).toFixed(1)} ms, mean ${(mean * every).toFixed(1)} ms, sd ${(sd * every).toFixed(1)} ms ` +
        `(target ${Math.round(0.9 * every)}–${Math.round(1.1 * every)} ms)\n`,
    );
    // Timers never fire early; on a busy 2-core machine they may fire late, hence the slack above.
    expect(ratios[0]!).toBeGreaterThanOrEqual(0.9 - 0.02);
    expect(ratios.at(-1)!).toBeLessThanOrEqual(1.1 + 0.5);
    expect(mean).toBeGreaterThan(0.95);
    expect(mean).toBeLessThan(1.15);
  }, 15_000);
});
