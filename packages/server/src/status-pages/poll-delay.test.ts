import { describe, expect, it } from 'vitest';
import { pollDelayMs } from './poll-delay.js';

describe('pollDelayMs', () => {
  it.each([
    ['on time at random 0.5', 0, 0.5, 60_000],
    ['10% early at random 0', 0, 0, 54_000],
    ['almost 10% late at random → 1', 0, 0.9999, 65_999],
    ['doubled after one failure', 1, 0.5, 120_000],
    ['quadrupled after two', 2, 0.5, 240_000],
    ['capped at 10 min', 5, 0.5, 600_000],
    ['capped even after very many failures', 1000, 0.5, 600_000],
  ])('%s', (_name, failures, random, expected) => {
    expect(pollDelayMs({ everyMs: 60_000, failures, random })).toBe(expected);
  });

  it('never backs off below the interval itself when the cap is shorter', () => {
    expect(pollDelayMs({ everyMs: 900_000, failures: 3, random: 0.5 })).toBe(900_000);
  });
});
