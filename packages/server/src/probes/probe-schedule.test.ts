import { describe, expect, it } from 'vitest';
import { deadlineMs, firstDelayMs, nextDelayMs } from './probe-schedule.js';

describe('probe schedule', () => {
  it.each([0, 0.25, 0.5, 0.999999])('keeps intervals within every ± 10%% (random %s)', (r) => {
    const ms = nextDelayMs(30_000, () => r);
    expect(ms).toBeGreaterThanOrEqual(27_000);
    expect(ms).toBeLessThanOrEqual(33_000);
  });

  it('spreads first calls over the whole first interval', () => {
    expect(firstDelayMs(30_000, () => 0)).toBe(0);
    expect(firstDelayMs(30_000, () => 0.5)).toBe(15_000);
    expect(firstDelayMs(30_000, () => 0.999)).toBeLessThan(30_000);
  });

  it.each([
    [15_000, 7_500],
    [30_000, 15_000],
    [60_000, 20_000],
    [86_400_000, 20_000],
  ])('gives a %d ms probe a %d ms deadline', (every, deadline) => {
    expect(deadlineMs(every)).toBe(deadline);
  });
});
