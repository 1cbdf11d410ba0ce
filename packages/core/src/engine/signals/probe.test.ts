// Probe rounds: "k of the last n rounds failed", at night (a call a minute) as by day.
import { describe, expect, it } from 'vitest';
import {
  ok,
  probeFail,
  probeOk,
  scopeOf,
  viewOf,
  type TestCall,
} from '../../../test/signal-scope.js';
import { probe } from './probe.js';
import { readRounds } from './probe-rounds.js';

const P = probeFail('provider');
/** Night: a probe every 30 s (every third bucket), an app call a minute (every sixth). */
function night(rounds: readonly TestCall[], everyBuckets = 3): TestCall[][] {
  const out: TestCall[][] = [];
  rounds.forEach((r) => {
    for (let k = 0; k < everyBuckets; k++) {
      const calls: TestCall[] = k === 0 ? [r] : [];
      if (out.length % 6 === 1) calls.push(ok);
      out.push(calls);
    }
  });
  return out;
}
const rounds = (s: string): TestCall[] => [...s].map((c) => (c === 'x' ? P : probeOk));

describe('probe rounds (k of the last n failed)', () => {
  it.each([
    { name: 'four of the last six rounds failed, the newest too', rounds: '....xx.xx', v: 'raise' },
    { name: 'six failed rounds in a row', rounds: '......xxxxxx', v: 'raise' },
    { name: 'probes a minute apart, four of six failed', rounds: '..xx.xx', every: 6, v: 'raise' },
    { name: 'three of the last six failed', rounds: '......x.x.x', v: 'sustain' },
    { name: 'only three rounds so far, all failed', rounds: 'xxx', v: 'sustain' },
    { name: 'the fault ended: the newest round got through', rounds: '...xxxxx.', v: 'clear' },
    { name: 'one stray failure at night', rounds: '.......x', v: 'clear' },
    { name: 'every round got through', rounds: '........', v: 'clear' },
  ])('$name: $v', ({ rounds: r, every, v }) => {
    const reading = readRounds(scopeOf(night(rounds(r), every)))!;
    const verdict = probe.verdict!(reading, 'provider', {} as never);
    expect(verdict).toBe(v);
    // Rounds are judged at the layer they failed in, never at another.
    expect(probe.verdict!(reading, 'network', {} as never)).toBe('clear');
  });

  it('dates the run of failed rounds from its first failure', () => {
    const r = readRounds(scopeOf(night(rounds('....xxx')), 0))!;
    expect(r).toMatchObject({ failed: 3, newestFailed: true, layer: 'provider' });
    // Rounds every 3 buckets: the run's first failure is round 4 (bucket 12), 120 s in.
    expect(r.sinceMs).toBe(120_000);
  });

  it('reads nothing where no probe ran', () => {
    expect(probe.read!(viewOf(scopeOf([[ok], [ok]])))).toBeUndefined();
  });
});
