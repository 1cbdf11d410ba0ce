// Fault selection: first matching main fault, modifiers alongside, globs, and probability draws.
import { describe, expect, it } from 'vitest';
import { compileRule } from './compile-rule.js';
import type { FaultRule } from './fault.js';
import { selectFaults } from './select-faults.js';

const facts = { provider: 'anthropic', model: 'claude-sonnet-4-5', stream: true } as const;
const never = (): number => {
  throw new Error('no draw expected');
};

function select(rules: FaultRule[], draw: () => number = never) {
  return selectFaults(rules.map(compileRule), facts, draw);
}

describe('selectFaults', () => {
  it('takes the first matching main fault and every first modifier', () => {
    const s = select([
      { provider: 'openai', fault: { kind: 'reset' } },
      { fault: { kind: 'latency', ms: 50 } },
      { model: 'claude-*', fault: { kind: 'overload' } },
      { fault: { kind: 'empty' } },
      { fault: { kind: 'latency', ms: 999 } },
      { stream: true, fault: { kind: 'slow_tokens', tokensPerSecond: 5 } },
    ]);
    expect(s).toEqual({ fault: { kind: 'overload' }, latencyMs: 50, tokensPerSecond: 5 });
  });

  it.each([
    ['claude-sonnet-4-5', true],
    ['claude-*', true],
    ['*-4-5', true],
    ['claude', false],
    ['gpt-*', false],
    ['claude-sonnet-4.5', false],
  ])('model %s matches: %s', (model, matches) => {
    expect(select([{ model, fault: { kind: 'reset' } }]).fault !== undefined).toBe(matches);
  });

  it('respects stream and provider matchers', () => {
    expect(select([{ stream: false, fault: { kind: 'reset' } }]).fault).toBeUndefined();
    expect(
      select([{ provider: 'anthropic', stream: true, fault: { kind: 'reset' } }]).fault,
    ).toEqual({ kind: 'reset' });
  });

  it('draws once per matching rule below probability 1, and skips it when the draw is high', () => {
    const draws = [0.9, 0.1];
    const s = select(
      [
        { probability: 0.5, fault: { kind: 'overload' } },
        { probability: 0.5, fault: { kind: 'empty' } },
        { probability: 0.5, fault: { kind: 'reset' } },
      ],
      () => draws.shift() ?? 0,
    );
    expect(s.fault).toEqual({ kind: 'empty' });
    expect(draws).toEqual([]);
  });

  it('returns no fault and no delay when nothing matches', () => {
    expect(select([])).toEqual({ fault: undefined, latencyMs: 0, tokensPerSecond: undefined });
  });
});
