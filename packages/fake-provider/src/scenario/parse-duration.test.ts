// Scenario durations: numbers are seconds; strings take ms, s, m, h and combinations.
import { describe, expect, it } from 'vitest';
import { parseDuration } from './parse-duration.js';

describe('parseDuration', () => {
  it.each([
    [90, 90],
    [0.5, 0.5],
    ['90', 90],
    ['90s', 90],
    ['5m', 300],
    ['1h', 3600],
    ['1h30m', 5400],
    ['1m30s', 90],
    ['250ms', 0.25],
    ['1.5m', 90],
  ] as const)('reads %j as %d s', (input, seconds) => {
    expect(parseDuration(input)).toBe(seconds);
  });

  it.each([0, -5, Number.NaN, '', 'soon', '5 minutes', '10d', '0s', null, true])(
    'refuses %j',
    (input) => {
      expect(parseDuration(input)).toBeUndefined();
    },
  );
});
