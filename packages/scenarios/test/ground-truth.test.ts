// Each scenario's truth matches its records: fault calls classify to the truth's layer, others stay healthy.
import { classify } from '@faultline/core';
import { describe, expect, it } from 'vitest';
import { SCENARIOS, type TruthIncident } from '../src/index.js';
import { callsOf, inScope, inWindow, median, successRate, type Call } from './record-filters.js';

const WITH_TRUTH = SCENARIOS.map((s) => s.generate()).filter((g) => g.truth.length > 0);
const CASES = WITH_TRUTH.flatMap((g) =>
  g.truth.map((truth) => ({ label: `${g.name}: ${truth.layer}/${truth.reason}`, g, truth })),
);

/** The calls of a truth's scope inside its window, and the calls no truth touches. */
function split(calls: readonly Call[], truths: readonly TruthIncident[], truth: TruthIncident) {
  const window = calls.filter((c) => inWindow(truth, c));
  return {
    affected: window.filter((c) => inScope(truth, c)),
    untouched: window.filter((c) => !truths.some((t) => inScope(t, c) && inWindow(t, c))),
    before: calls.filter((c) => c.ts < truth.startMs && inScope(truth, c)),
    after: calls.filter((c) => c.ts >= truth.endMs + 30_000 && inScope(truth, c)),
  };
}

describe.each(CASES)('$label', ({ g, truth }) => {
  const calls = callsOf(g.records);
  const { affected: inScope, untouched, before, after } = split(calls, g.truth, truth);
  // A fault only the server's probes can see in time is judged on the probes.
  const probes = inScope.filter((c) => c.source === 'probe');
  const affected = truth.seenBy === 'probe' ? probes : inScope;
  const seconds = (truth.endMs - truth.startMs) / 1000;

  if (truth.seenBy === 'probe') {
    it('shows the fault to probes (one per model every 30 s) that app traffic cannot show', () => {
      const app = inScope.filter((c) => c.source !== 'probe');
      const appRate = app.filter((c) => c.attempt === 1).length / seconds;
      // Too little app traffic to see it in time, or app calls that do not show it at all.
      expect(appRate < 1 || successRate(app) > 0.95).toBe(true);
      for (const model of truth.models) {
        const own = probes.filter((c) => c.model === model).length;
        expect(own).toBeGreaterThanOrEqual(Math.floor(seconds / 30) - 1);
      }
    });
  } else {
    it('has at least 1 request/s in the affected scope', () => {
      const firstAttempts = affected.filter((c) => c.attempt === 1).length;
      expect(firstAttempts / seconds).toBeGreaterThanOrEqual(1);
    });
  }

  it('keeps normal success rates outside the fault: other scopes, before and after', () => {
    expect(successRate(untouched)).toBeGreaterThan(0.95);
    expect(successRate(before)).toBeGreaterThan(0.95);
    expect(successRate(after)).toBeGreaterThan(0.95);
  });

  if (truth.reason === 'slow') {
    it('is slow: answered calls take ≥ 3× their usual time', () => {
      const answered = (cs: readonly Call[]) =>
        cs.filter((c) => c.http_status === 200).map((c) => c.duration_ms ?? 0);
      expect(median(answered(affected))).toBeGreaterThan(3 * median(answered(before)));
    });
    return;
  }

  it('classifies ≥ 90% of failing calls in scope to the truth layer, mostly for its reason', () => {
    const failing = affected.map((c) => classify(c)).filter((v) => v.layer !== 'none');
    const matching = failing.filter((v) => v.layer === truth.layer);
    expect(matching.length / failing.length).toBeGreaterThanOrEqual(0.9);
    expect(matching.length / affected.length).toBeGreaterThan(0.1);
    const counts = new Map<string, number>();
    for (const v of matching) counts.set(v.reason, (counts.get(v.reason) ?? 0) + 1);
    const top = [...counts].sort((a, b) => b[1] - a[1])[0]?.[0];
    expect(top).toBe(truth.reason);
  });
});
