// The model glob: `*` runs, literals elsewhere, and linear time on hostile patterns.
import { describe, expect, it } from 'vitest';
import { compileGlob } from './glob-matcher.js';

describe('compileGlob', () => {
  it.each([
    ['claude-*', 'claude-opus-4-7', true],
    ['claude-*', 'claude-', true],
    ['claude-*', 'gpt-5.1', false],
    ['*-mini', 'gpt-4.1-mini', true],
    ['*-mini', 'gpt-4.1-mini-2025', false],
    ['gpt-*-mini', 'gpt-4.1-mini', true],
    ['gpt-*-mini', 'gpt--mini', true],
    ['gpt-*-mini', 'gpt-mini', false],
    ['*', '', true],
    ['**', 'anything', true],
    ['a*a', 'a', false],
    ['a*a', 'aa', true],
    ['*opus*4*', 'claude-opus-4-7', true],
    ['*opus*4*', 'claude-sonnet-4-6', false],
    ['gpt-4.1', 'gpt-4x1', false],
    ['claude-(opus)*', 'claude-(opus)-4', true],
    ['exact', 'exact', true],
    ['exact', 'exactly', false],
  ])('%s against %s is %s', (glob, text, expected) => {
    expect(compileGlob(glob)(text)).toBe(expected);
  });

  it('answers a pathological pattern against a long name in linear time', () => {
    const match = compileGlob('*a*a*a*a*a*a*a*a*a*b');
    const long = 'a'.repeat(200_000);
    const t0 = performance.now();
    expect(match(long)).toBe(false);
    expect(match(`${long}b`)).toBe(true);
    expect(performance.now() - t0).toBeLessThan(250);
  });
});
