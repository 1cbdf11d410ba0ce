// Go duration formatting for x-ratelimit-reset-requests.
import { describe, expect, it } from 'vitest';
import { goDuration } from './go-duration.js';

describe('goDuration', () => {
  it.each([
    [0, '0s'],
    [12, '12ms'],
    [1000, '1s'],
    [1500, '1.5s'],
    [59_999, '59.999s'],
    [60_000, '1m0s'],
    [360_000, '6m0s'],
    [90_500, '1m30.5s'],
    [3_600_000, '1h0m0s'],
    [-5, '0s'],
  ])('formats %d ms as %s', (ms, text) => {
    expect(goDuration(ms)).toBe(text);
  });
});
