// What sets particular scenarios apart: status pages, deadlines, apps, 200s that failed.
import { classify, isStatusObservation, type StatusObservation } from '@faultline/core';
import { describe, expect, it } from 'vitest';
import { generateScenario } from '../src/index.js';
import { callsOf, inWindow, successRate } from './record-filters.js';

const MIN = 60_000;

function statusOf(name: string): {
  readings: StatusObservation[];
  g: ReturnType<typeof generateScenario>;
} {
  const g = generateScenario(name);
  return { readings: g.records.filter(isStatusObservation), g };
}

describe('scenario details', () => {
  it('provider-overload: the status page shows partial_outage only ~15 min in, operational after', () => {
    const { readings, g } = statusOf('provider-overload');
    const [truth] = g.truth;
    if (truth === undefined) return expect.fail('no truth');
    const outage = readings.filter((r) => r.status === 'partial_outage');
    expect(readings.every((r) => r.provider === 'anthropic' && r.component === 'Claude API')).toBe(
      true,
    );
    expect(outage.length).toBeGreaterThan(2);
    expect(Number(outage[0]?.ts)).toBeGreaterThanOrEqual(truth.startMs + 14 * MIN);
    expect(readings.at(-1)?.status).toBe('operational');
    expect(readings[0]?.status).toBe('operational');
  });

  it('status-page-only: a 20-minute major_outage while OpenAI calls succeed', () => {
    const { readings, g } = statusOf('status-page-only');
    const outage = readings.filter((r) => r.status === 'major_outage');
    expect(outage.length).toBe(10);
    const window = { startMs: Number(outage[0]?.ts), endMs: Number(outage.at(-1)?.ts) + 2 * MIN };
    const openai = callsOf(g.records).filter((c) => c.provider === 'openai' && inWindow(window, c));
    expect(openai.length).toBeGreaterThan(2000);
    expect(successRate(openai)).toBeGreaterThan(0.96);
  });

  it('our-deploy-breaks-requests: only notes-ai fails, at every provider', () => {
    const g = generateScenario('our-deploy-breaks-requests');
    const [truth] = g.truth;
    if (truth === undefined) return expect.fail('no truth');
    const calls = callsOf(g.records).filter((c) => inWindow(truth, c));
    const bad = calls.filter((c) => c.http_status === 400 && classify(c).reason === 'bad_request');
    expect(new Set(bad.map((c) => c.app))).toEqual(new Set(['notes-ai']));
    expect(new Set(bad.map((c) => c.provider))).toEqual(new Set(['anthropic', 'openai', 'google']));
    expect(successRate(calls.filter((c) => c.app !== 'notes-ai'))).toBeGreaterThan(0.95);
  });

  it('our-deadline-lowered: openai calls run under 1500 ms in the window, 60000 ms outside', () => {
    const g = generateScenario('our-deadline-lowered');
    const [truth] = g.truth;
    if (truth === undefined) return expect.fail('no truth');
    const openai = callsOf(g.records).filter((c) => c.provider === 'openai');
    const inside = openai.filter((c) => inWindow(truth, c));
    expect(new Set(inside.map((c) => c.timeout_ms))).toEqual(new Set([1500]));
    expect(new Set(openai.filter((c) => !inWindow(truth, c)).map((c) => c.timeout_ms))).toEqual(
      new Set([60_000]),
    );
    const aborted = inside.filter((c) => c.aborted_by === 'timeout');
    expect(aborted.length / inside.length).toBeGreaterThan(0.4);
    for (const c of aborted) expect(c.duration_ms).toBeGreaterThanOrEqual(1500);
  });

  it('provider-slows-past-deadline: the deadline stays 30000 ms and the aborts land on it', () => {
    const g = generateScenario('provider-slows-past-deadline');
    const [truth] = g.truth;
    if (truth === undefined) return expect.fail('no truth');
    const pro = callsOf(g.records).filter((c) => c.model === 'gemini-2.5-pro');
    expect(new Set(pro.map((c) => c.timeout_ms))).toEqual(new Set([30_000]));
    const inside = pro.filter((c) => inWindow(truth, c));
    const aborted = inside.filter((c) => c.aborted_by === 'timeout');
    expect(aborted.length / inside.length).toBeGreaterThan(0.3);
    for (const c of aborted) expect(c.duration_ms).toBeGreaterThanOrEqual(30_000);
    // Per call it reads as our timeout; only the unchanged deadline says the provider slowed.
    expect(classify(aborted[0] ?? { ts: 0, provider: 'x', model: 'y' }).reason).toBe(
      'client_timeout',
    );
  });

  it.each(['stream-error-events', 'model-bad-output'])(
    '%s: every failing call had HTTP 200',
    (name) => {
      const g = generateScenario(name);
      const [truth] = g.truth;
      if (truth === undefined) return expect.fail('no truth');
      const failing = callsOf(g.records).filter(
        (c) =>
          inWindow(truth, c) && truth.models.includes(c.model) && classify(c).layer === truth.layer,
      );
      expect(failing.length).toBeGreaterThan(300);
      const fromFault = failing.filter(
        (c) =>
          c.stream_error_type !== undefined ||
          c.checks?.json_valid === false ||
          c.output_tokens === 0,
      );
      expect(fromFault.every((c) => c.http_status === 200)).toBe(true);
    },
  );

  it('two-at-once: the two incidents overlap in time', () => {
    const [a, b] = generateScenario('two-at-once').truth;
    if (a === undefined || b === undefined) return expect.fail('expected two incidents');
    expect(a.startMs).toBeLessThan(b.endMs);
    expect(b.startMs).toBeLessThan(a.endMs);
    expect([a.provider, b.provider]).toEqual(['anthropic', 'google']);
  });
});
