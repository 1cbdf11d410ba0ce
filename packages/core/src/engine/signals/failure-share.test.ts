// Keeping an incident open on its failure share: any of its models may, each at a shared level.
import { describe, expect, it } from 'vitest';
import { perLayer } from '../../diagnosis/index.js';
import { scopeOf, viewOf, type TestCall } from '../../../test/signal-scope.js';
import type { ScopeEval } from '../scope-eval.js';
import { failureShare, readShares } from './failure-share.js';
import type { OpenIncident } from './signal.js';

const ok: TestCall = { durationMs: 900 };
const failed: TestCall = { layer: 'provider' };

/** A model's last minute: `fails` provider failures among 120 calls, against the 0.6% prior. */
function evalOf(fails: number): ScopeEval {
  const calls = [...Array<TestCall>(fails).fill(failed), ...Array<TestCall>(120 - fails).fill(ok)];
  const s = scopeOf(Array.from({ length: 6 }, (_, k) => calls.filter((_, i) => i % 6 === k)));
  const view = viewOf(s);
  const layers = readShares(view);
  return {
    stats: s,
    window: view.window,
    layers,
    readings: new Map([[failureShare.name, layers]]),
  };
}

const incident = (models: string[]): OpenIncident => ({
  layer: 'provider',
  reason: 'overloaded',
  models: new Set(models),
  evidence: new Map(),
});

describe('failure share keeping an incident open', () => {
  it.each([
    { name: '4 of 120 (p ≈ 0.6%) on its one model', fails: 4, models: 1, open: true },
    { name: 'the same on one of its two models', fails: 4, models: 2, open: false },
    { name: 'a fault still failing on one of two models', fails: 10, models: 2, open: true },
    { name: 'no failures', fails: 0, models: 1, open: false },
  ])('$name: open $open', ({ fails, models, open }) => {
    const e = evalOf(fails);
    const names = ['gpt-4.1', 'gpt-5.1'].slice(0, models);
    expect(failureShare.sustained!(incident(names), e, undefined) !== undefined).toBe(open);
  });

  it('still keeps open what another signal holds elevated', () => {
    const e = evalOf(0);
    const lifted = perLayer((l) => ({ ...e.layers[l], elevated: l === 'provider' }));
    const held = { ...e, layers: lifted };
    expect(failureShare.sustained!(incident(['gpt-4.1', 'gpt-5.1']), held, undefined)).toBe(0);
  });
});
