import { describe, expect, it } from 'vitest';
import { backoffMs, nextWaitMs } from './backoff.js';

describe('backoff', () => {
  it.each([
    [1, 0.5, 500],
    [2, 0.5, 1000],
    [3, 0.999, 3996],
    [1, 0, 0],
    [10, 0.5, 15_000], // capped at 30 s before the jitter
  ])('after %i failures with random %f waits %i ms', (failures, random, expected) => {
    expect(backoffMs(failures, 1000, 30_000, random)).toBe(expected);
  });

  it.each([
    ['the server’s wait over the backoff', 2000, 1, 2000],
    ['the server’s wait capped at maxMs', 60_000, 1, 30_000],
    ['the jittered backoff when the server named none', undefined, 2, 1000],
  ] as const)('takes %s', (_, server, failures, expected) => {
    expect(nextWaitMs(server, failures, { baseMs: 1000, maxMs: 30_000, random: 0.5 })).toBe(
      expected,
    );
  });
});
