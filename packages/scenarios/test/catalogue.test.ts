// The scenario catalogue: names, lookup, option handling and truth well-formedness.
import { REASONS_BY_LAYER } from '@faultline/core';
import { describe, expect, it } from 'vitest';
import { ENGINE_CAPABILITIES, SCENARIOS, generateScenario } from '../src/index.js';

const NAMES = [
  'provider-overload',
  'one-model-down',
  'our-deploy-breaks-requests',
  'revoked-key',
  'egress-down',
  'provider-host-unreachable',
  'our-rate-limit',
  'spend-cap',
  'capacity-429',
  'latency-rising',
  'our-deadline-lowered',
  'provider-slows-past-deadline',
  'stream-error-events',
  'model-bad-output',
  'status-page-only',
  'quiet-week',
  'two-at-once',
  'two-minute-blip',
  'noise-only-high-volume',
  'night-probe-only',
  'egress-broken-probes-fine',
  'egress-to-one-provider-broken',
  'provider-dns-failing',
  'golden-canary-regression',
  'status-page-lags',
  'status-page-unrelated',
  'flapping-recovery',
  'two-providers-at-once',
  'our-retry-storm',
  'mid-stream-disconnects',
  'latency-creep',
  'quiet-week-blip',
];
const SHORT = { durationMs: 20 * 60_000, ratePerSec: 1 };

describe('scenario catalogue', () => {
  it('lists the 32 scenarios, each with a description', () => {
    expect(SCENARIOS.map((s) => s.name)).toEqual(NAMES);
    for (const s of SCENARIOS) expect(s.description.length).toBeGreaterThan(20);
  });

  it('names only known engine capabilities in `needs`', () => {
    const needing = SCENARIOS.filter((s) => s.needs !== undefined);
    expect(needing.map((s) => s.name).sort()).toEqual(
      [
        'egress-broken-probes-fine',
        'egress-to-one-provider-broken',
        'golden-canary-regression',
        'status-page-lags',
      ].sort(),
    );
    for (const s of needing) {
      expect(s.needs!.length).toBeGreaterThan(0);
      for (const n of s.needs!) expect(ENGINE_CAPABILITIES).toContain(n);
    }
  });

  it('throws on an unknown name, listing every known name', () => {
    expect(() => generateScenario('provider-overlaod')).toThrow(RangeError);
    try {
      generateScenario('provider-overlaod');
    } catch (e: unknown) {
      const message = e instanceof Error ? e.message : '';
      expect(message).toContain('provider-overlaod');
      for (const name of NAMES) expect(message).toContain(name);
    }
  });

  it('generateScenario(name) gives the same stream as the definition', () => {
    const scenario = SCENARIOS.find((s) => s.name === 'revoked-key');
    expect(generateScenario('revoked-key', SHORT)).toEqual(scenario?.generate(SHORT));
  });

  it.each(SCENARIOS.map((s) => s.name))('%s has well-formed truth', (name) => {
    const g = generateScenario(name, SHORT);
    expect(g.name).toBe(name);
    expect(g.toMs - g.fromMs).toBeGreaterThan(0);
    for (const t of g.truth) {
      expect(REASONS_BY_LAYER[t.layer] as readonly string[]).toContain(t.reason);
      expect(t.provider === null).toBe(t.scope === 'global');
      expect(t.models.length).toBeGreaterThan(0);
      expect([...t.models].sort()).toEqual(t.models);
      if (t.scope === 'model') expect(t.models).toHaveLength(1);
      expect(t.startMs).toBeLessThan(t.endMs);
      expect(t.startMs).toBeGreaterThanOrEqual(g.fromMs);
      expect(t.endMs).toBeLessThanOrEqual(g.toMs);
    }
  });

  it('keeps a shrunken fault window inside a short frame, with normal traffic around it', () => {
    const g = generateScenario('provider-overload', { durationMs: 10 * 60_000 });
    const [t] = g.truth;
    expect(t).toBeDefined();
    if (t === undefined) return;
    expect(t.endMs - t.startMs).toBeLessThanOrEqual(5 * 60_000);
    expect(t.startMs - g.fromMs).toBeGreaterThanOrEqual(2 * 60_000);
    expect(g.toMs - t.endMs).toBeGreaterThanOrEqual(2 * 60_000);
  });

  it('honours startMs and ratePerSec', () => {
    const startMs = Date.UTC(2027, 0, 5, 15);
    const slow = generateScenario('noise-only-high-volume', {
      startMs,
      durationMs: 60_000,
      ratePerSec: 2,
    });
    const fast = generateScenario('noise-only-high-volume', {
      startMs,
      durationMs: 60_000,
      ratePerSec: 20,
    });
    expect(slow.fromMs).toBe(startMs);
    expect(fast.records.length).toBeGreaterThan(slow.records.length * 5);
  });
});
