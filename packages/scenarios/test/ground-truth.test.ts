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
  const { affected, untouched, before, after } = split(calls, g.truth, truth);

  it('has at least 1 request/s in the affected scope', () => {
    const firstAttempts = affected.filter((c) => c.attempt === 1).length;
    expect(firstAttempts / ((truth.endMs - truth.startMs) / 1000)).toBeGreaterThanOrEqual(1);
  });

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
