// Durations as the config writes them: parseDuration and formatDuration.
import { describe, expect, it } from 'vitest';
import { formatDuration, parseDuration } from '../../src/config/index.js';

describe('parseDuration', () => {
  it.each([
    ['500ms', 500],
    ['30s', 30_000],
    ['5m', 300_000],
    ['2h', 7_200_000],
    ['7d', 604_800_000],
    ['0s', 0],
    [' 15s ', 15_000],
  ])('reads %j as %i ms', (text, ms) => {
    expect(parseDuration(text)).toEqual({ ok: true, ms });
  });

  it.each([
    ['30 seconds', 'not a duration ("30 seconds"); use 500ms, 30s, 5m, 2h or 7d'],
    ['1.5s', 'not a duration ("1.5s"); use 500ms, 30s, 5m, 2h or 7d'],
    ['-5s', 'not a duration ("-5s"); use 500ms, 30s, 5m, 2h or 7d'],
    ['5', 'not a duration ("5"); use 500ms, 30s, 5m, 2h or 7d'],
    ['5S', 'not a duration ("5S"); use 500ms, 30s, 5m, 2h or 7d'],
    ['', 'not a duration (""); use 500ms, 30s, 5m, 2h or 7d'],
    [30, 'a duration needs a unit (30); use 500ms, 30s, 5m, 2h or 7d'],
    [null, 'expected a duration such as 30s, got null'],
    ['99999999999999999999d', 'duration too long ("99999999999999999999d")'],
  ])('refuses %j: %s', (text, problem) => {
    expect(parseDuration(text)).toEqual({ ok: false, problem });
  });
});

describe('formatDuration', () => {
  it.each([
    [500, '500ms'],
    [30_000, '30s'],
    [90_000, '90s'],
    [3_600_000, '1h'],
    [604_800_000, '7d'],
    [0, '0ms'],
  ])('writes %i ms as %s, which reads back the same', (ms, text) => {
    expect(formatDuration(ms)).toBe(text);
    expect(parseDuration(text)).toEqual({ ok: true, ms });
  });
});
