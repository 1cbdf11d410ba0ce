// Golden canaries: a run of failed known-answer checks raises the model layer, whatever the share.
import { describe, expect, it } from 'vitest';
import { ok, scopeOf, type TestCall } from '../../../test/signal-scope.js';
import { assessGolden } from './golden-assessment.js';
import { golden } from './golden.js';
import { assessLayer } from './layer-share.js';
import { sumBuckets } from '../window-stats.js';

const pass: TestCall = { golden: true, durationMs: 500 };
const wrong: TestCall = { golden: false, layer: 'model' };
/** A check every 30 s (every third bucket) with app traffic of 5 successes a bucket. */
const checks = (s: string): TestCall[][] =>
  [...s].flatMap((c) => [
    [c === 'x' ? wrong : pass, ok, ok],
    [ok, ok],
    [ok, ok],
  ]);
const calm = assessLayer(sumBuckets([]), 'model', 0.02);

describe('golden canaries', () => {
  it.each([
    { name: 'three failed checks in a row after passes', s: '.....xxx', v: 'raise' },
    { name: 'three of a run of four failing', s: 'xx.x', v: 'raise' },
    { name: 'two failed checks: still failing, not yet enough', s: '......xx', v: 'sustain' },
    { name: 'one fluke among passes', s: '.......x.', v: 'clear' },
    { name: 'every check passing', s: '..........', v: 'clear' },
  ])('$name: $v', ({ s, v }) => {
    const g = assessGolden(scopeOf(checks(s)));
    expect(golden.verdict!(g, 'model', calm)).toBe(v);
    // Known-answer checks speak of answers only: never of another layer.
    expect(golden.verdict!(g, 'provider', calm)).toBe('clear');
  });

  it.each([
    { name: 'passes before the run are not part of it', s: '.....xxx', failed: 3, checks: 3 },
    { name: 'two passes before the run, after older ones', s: '......xxx', failed: 3, checks: 3 },
    {
      name: 'two passes before the run, at the start of the walk',
      s: '..xxx',
      failed: 3,
      checks: 3,
    },
    { name: 'passes inside the run count', s: '...x.x.x', failed: 3, checks: 5 },
    { name: 'a fluke three passes before the run ends it', s: 'x...xx', failed: 2, checks: 2 },
  ])('counts the current run of checks: $name', ({ s, failed, checks: n }) => {
    const g = assessGolden(scopeOf(checks(s)));
    expect({ failed: g.failed, checks: g.checks }).toEqual({ failed, checks: n });
  });

  it('leaves the model layer to the traffic when its share already raises it', () => {
    const g = assessGolden(scopeOf(checks('.....xxx')));
    expect(golden.verdict!(g, 'model', { ...calm, anomalous: true })).toBe('clear');
  });
});
