// The issue-8 scenarios show what their truth claims: probes, canaries, status pages, flaps, storms.
import { classify, isStatusObservation } from '@faultline/core';
import { describe, expect, it } from 'vitest';
import { generateScenario } from '../src/index.js';
import { callsOf, inWindow, successRate, type Call } from './record-filters.js';

const MIN = 60_000;

function scenario(name: string, seed = 1) {
  const g = generateScenario(name, { seed });
  const [truth] = g.truth;
  const calls = callsOf(g.records);
  return {
    g,
    truth: truth!,
    probes: calls.filter((c) => c.source === 'probe'),
    app: calls.filter((c) => c.source === 'sdk'),
  };
}
const failed = (c: Call): boolean => classify(c).layer !== 'none';

describe('scenarios joined by probes', () => {
  it('night-probe-only: ~1 app call a minute, probes of every model every 30 s, all failing in the fault', () => {
    const { truth, probes, app } = scenario('night-probe-only');
    const appPerMin = app.filter((c) => c.attempt === 1 && inWindow(truth, c)).length / 15;
    expect(appPerMin).toBeGreaterThan(0.3);
    expect(appPerMin).toBeLessThan(3);
    const gpt = probes.filter((c) => c.model === 'gpt-5.1');
    const gaps = gpt.slice(1).map((c, i) => c.ts - gpt[i]!.ts);
    expect(Math.max(...gaps)).toBeLessThan(32_000);
    expect(Math.min(...gaps)).toBeGreaterThan(28_000);
    const openai = probes.filter((c) => c.provider === 'openai' && inWindow(truth, c));
    expect(openai.length).toBeGreaterThanOrEqual(58);
    expect(openai.every(failed)).toBe(true);
    expect(successRate(probes.filter((c) => !inWindow(truth, c)))).toBeGreaterThan(0.98);
  });

  it('egress-broken-probes-fine: app calls to every provider fail on DNS, the probes succeed', () => {
    const { truth, probes, app } = scenario('egress-broken-probes-fine');
    const inside = app.filter((c) => inWindow(truth, c));
    expect(new Set(inside.map((c) => c.provider))).toEqual(
      new Set(['anthropic', 'openai', 'google']),
    );
    expect(inside.every((c) => c.network_error !== undefined)).toBe(true);
    expect(
      inside.filter((c) => classify(c).reason === 'dns').length / inside.length,
    ).toBeGreaterThan(0.8);
    expect(successRate(probes.filter((c) => inWindow(truth, c)))).toBeGreaterThan(0.97);
  });

  it('provider-dns-failing: apps and probes alike fail to resolve Google only', () => {
    const { truth, probes, app } = scenario('provider-dns-failing');
    for (const calls of [app, probes]) {
      const google = calls.filter((c) => c.provider === 'google' && inWindow(truth, c));
      expect(
        google.filter((c) => classify(c).reason === 'dns').length / google.length,
      ).toBeGreaterThan(0.7);
      const others = calls.filter((c) => c.provider !== 'google' && inWindow(truth, c));
      expect(successRate(others)).toBeGreaterThan(0.95);
    }
  });

  it('golden-canary-regression: status 200 throughout; the canaries fail, the apps do not', () => {
    const { truth, probes, app } = scenario('golden-canary-regression');
    const sonnet = (c: Call) => c.model === 'claude-sonnet-4-6' && inWindow(truth, c);
    const canaries = probes.filter(sonnet);
    expect(canaries.every((c) => c.http_status === 200 || c.http_status! >= 500)).toBe(true);
    const wrong = canaries.filter((c) => c.checks?.golden === false);
    expect(wrong.length / canaries.length).toBeGreaterThan(0.8);
    expect(wrong.every((c) => c.http_status === 200 && c.stop_reason === 'end_turn')).toBe(true);
    expect(successRate(app.filter(sonnet))).toBeGreaterThan(0.97);
    expect(probes.filter((c) => !inWindow(truth, c) && c.checks?.golden === false)).toEqual([]);
  });
});

describe('status pages', () => {
  it('status-page-lags: the page moves 12 min after impact and stays after recovery', () => {
    const { g, truth } = scenario('status-page-lags');
    const readings = g.records.filter(isStatusObservation);
    const moved = readings.filter((r) => r.status !== 'operational');
    expect(Number(moved[0]!.ts) - truth.startMs).toBeGreaterThanOrEqual(10 * MIN);
    expect(moved.map((r) => r.status)).toContain('partial_outage');
    expect(Number(moved.at(-1)!.ts)).toBeGreaterThan(truth.endMs);
    expect(readings.at(-1)?.status).toBe('operational');
  });

  it("status-page-unrelated: Anthropic's page shows outages while its API calls succeed", () => {
    const { g, app } = scenario('status-page-unrelated');
    const moved = g.records.filter(isStatusObservation).filter((r) => r.status !== 'operational');
    expect(new Set(moved.map((r) => r.component))).toEqual(new Set(['claude.ai', 'Claude API']));
    const window = { startMs: Number(moved[0]!.ts), endMs: Number(moved.at(-1)!.ts) };
    const anthropic = app.filter((c) => c.provider === 'anthropic' && inWindow(window, c));
    expect(anthropic.length).toBeGreaterThan(5000);
    expect(successRate(anthropic)).toBeGreaterThan(0.97);
  });
});

describe('traps', () => {
  it('flapping-recovery: failures stop and restart 3 times in the last ~4 min', () => {
    const { truth, app } = scenario('flapping-recovery');
    const tail = { startMs: truth.endMs - 4 * MIN, endMs: truth.endMs };
    // 10-second buckets of OpenAI calls: failing (> 20%) or calm (< 5%).
    const states: string[] = [];
    for (let t = tail.startMs; t < tail.endMs; t += 10_000) {
      const b = app.filter(
        (c) => c.provider === 'openai' && inWindow({ startMs: t, endMs: t + 10_000 }, c),
      );
      const share = b.filter(failed).length / b.length;
      if (share > 0.2) states.push('fail');
      else if (share < 0.05) states.push('calm');
    }
    const restarts = states.filter((s, i) => s === 'fail' && states[i - 1] === 'calm').length;
    expect(restarts).toBe(3);
  });

  it('two-providers-at-once: two providers, overlapping, starting ~10 min apart', () => {
    const [a, b] = generateScenario('two-providers-at-once').truth;
    expect([a!.provider, b!.provider]).toEqual(['anthropic', 'openai']);
    expect(b!.startMs - a!.startMs).toBeGreaterThan(5 * MIN);
    expect(b!.startMs).toBeLessThan(a!.endMs);
  });

  it('our-retry-storm: the same requests retried up to 8 times, 50–250 ms apart, ignoring retry-after', () => {
    const { truth, app } = scenario('our-retry-storm');
    const mini = app.filter((c) => c.model === 'gpt-4.1-mini' && inWindow(truth, c));
    expect(Math.max(...mini.map((c) => c.attempt ?? 1))).toBe(8);
    const storm = mini.filter((c) => (c.attempt ?? 1) > 3);
    expect(storm.length).toBeGreaterThan(500);
    const rateLimited = mini.filter((c) => classify(c).reason === 'rate_limited');
    expect(rateLimited.length / mini.length).toBeGreaterThan(0.5);
    // A retry comes sooner than the retry-after the 429 asked for.
    const early = storm.filter((retry) =>
      mini.some(
        (c) =>
          c.attempt === retry.attempt! - 1 &&
          c.retry_after_ms !== undefined &&
          retry.ts - c.ts - c.duration_ms! < c.retry_after_ms,
      ),
    );
    expect(early.length / storm.length).toBeGreaterThan(0.9);
  });

  it('mid-stream-disconnects: OpenAI streams cut with HTTP 200, no terminal event, read as stream_error', () => {
    const { truth, app } = scenario('mid-stream-disconnects');
    const openai = app.filter((c) => c.provider === 'openai' && inWindow(truth, c));
    const cut = openai.filter((c) => c.stream === true && c.stream_completed === false);
    expect(cut.length).toBeGreaterThan(300);
    for (const c of cut) {
      expect(c.http_status).toBe(200);
      expect(c.stop_reason).toBeUndefined();
      expect(classify(c).reason).toBe('stream_error');
    }
    expect(successRate(openai.filter((c) => c.stream === false))).toBeGreaterThan(0.97);
  });

  it('latency-creep: p95 rises minute by minute to 3–5× with no more failures than usual', () => {
    const { truth, app } = scenario('latency-creep');
    const anthropic = app.filter((c) => c.provider === 'anthropic' && c.http_status === 200);
    const p95 = (startMs: number) => {
      const d = anthropic
        .filter((c) => inWindow({ startMs, endMs: startMs + 2 * MIN }, c))
        .map((c) => c.duration_ms!)
        .sort((x, y) => x - y);
      return d[Math.floor(d.length * 0.95)]!;
    };
    const usual = p95(truth.startMs - 20 * MIN);
    const ramp = [-8, -4, 0, 4, 8].map((m) => p95(truth.startMs + m * MIN) / usual);
    for (let i = 1; i < ramp.length; i++) expect(ramp[i]).toBeGreaterThan(ramp[i - 1]!);
    expect(p95(truth.startMs) / usual).toBeGreaterThan(2.5);
    expect(p95(truth.endMs - 3 * MIN) / usual).toBeGreaterThan(4);
    expect(p95(truth.endMs - 3 * MIN) / usual).toBeLessThan(6);
    expect(
      successRate(app.filter((c) => c.provider === 'anthropic' && inWindow(truth, c))),
    ).toBeGreaterThan(0.97);
  });

  it.each([1, 2, 3, 4, 5, 6])(
    'quiet-week-blip seed %i: the blip touches fewer than 3 requests, the least that is significant',
    (seed) => {
      const { g } = scenario('quiet-week-blip', seed);
      const blip = {
        startMs: Date.UTC(2026, 10, 19, 4, 10),
        endMs: Date.UTC(2026, 10, 19, 4, 11, 30),
      };
      const hit = callsOf(g.records).filter((c) => c.provider === 'anthropic' && inWindow(blip, c));
      expect(hit.every((c) => c.http_status === 529)).toBe(true);
      expect(hit.filter((c) => c.attempt === 1).length).toBeLessThan(3);
      expect(g.truth).toEqual([]);
    },
  );
});
