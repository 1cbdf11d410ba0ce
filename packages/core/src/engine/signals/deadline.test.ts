// Deadline change: timeouts at a deadline we lowered are ours; at an unchanged one, the provider's.
import { describe, expect, it } from 'vitest';
import { evidence as item } from '../../diagnosis/index.js';
import type { Candidate } from '../candidate.js';
import { ScopeRegistry } from '../scope-registry.js';
import { deadline } from './deadline.js';
import type { Evaluation, Proposal } from './signal.js';

function proposal(
  deadlines: readonly number[],
  sticky?: 'ours' | 'theirs',
): [Proposal, Evaluation] {
  const reg = new ScopeRegistry(500, () => undefined);
  const [m] = reg.scopesOf('openai', 'gpt-4.1');
  deadlines.forEach((d, k) => {
    reg.clock.startMs = k * 10_000;
    m.add({
      timeMs: k * 10_000,
      first: true,
      probe: false,
      timeoutMs: d,
      layer: null,
      reason: 'ok',
      observed: '',
      durationMs: 500,
      ttftMs: undefined,
    });
    reg.clock.startMs = (k + 1) * 10_000;
    deadline.read!({ stats: m, buckets: [], window: undefined as never, pooled: 1 });
  });
  const candidate: Candidate = {
    layer: 'integration',
    reason: 'client_timeout',
    owner: 'ours',
    scope: 'model',
    provider: 'openai',
    models: ['gpt-4.1'],
    startMs: deadlines.length * 10_000,
    affectedSoFar: 5,
    affectedNewest: 1,
    share: 0.5,
    logP: -30,
    reasons: new Map([['client_timeout', 5]]),
    evidence: [
      item('error_rate', {
        layer: 'integration',
        providers: ['openai'],
        models: ['gpt-4.1'],
        share: 0.5,
        baseline: 0.005,
        failures: 5,
        calls: 10,
        window_start: '2026-01-01T00:00:00.000Z',
        window_end: '2026-01-01T00:01:00.000Z',
        observed: { kind: 'deadline', timeout_ms: 5_000 },
      }),
    ],
  };
  const ev = {
    reg,
    evals: new Map(),
    status: undefined as never,
    earlier: () => sticky,
    openSince: () => undefined,
  };
  return [{ candidate, basis: 'failures', members: [m], providers: ['openai'] }, ev];
}

describe('deadline', () => {
  it.each([
    {
      name: 'lowered from 60 s to 5 s just before',
      deadlines: [60_000, 60_000, 5_000],
      layer: 'integration',
      change: 'lowered',
    },
    {
      name: 'unchanged at 30 s',
      deadlines: [30_000, 30_000, 30_000],
      layer: 'provider',
      change: 'unchanged',
    },
    {
      name: 'raised from 30 s to 60 s',
      deadlines: [30_000, 60_000],
      layer: 'provider',
      change: 'unchanged',
    },
    {
      name: 'lowered by 5% only (a rounding)',
      deadlines: [60_000, 57_000],
      layer: 'provider',
      change: 'unchanged',
    },
  ])('$name: $layer', ({ deadlines, layer, change }) => {
    const [p, ev] = proposal(deadlines);
    const c = deadline.revise!(p, ev).candidate;
    expect(c.layer).toBe(layer);
    expect(c.evidence.find((e) => e.kind === 'deadline')?.facts).toMatchObject({ change });
  });

  it('keeps an open incident’s verdict that the deadline was ours', () => {
    const [p, ev] = proposal([30_000, 30_000], 'ours');
    expect(deadline.revise!(p, ev).candidate.layer).toBe('integration');
  });
});
