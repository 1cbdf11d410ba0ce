import { describe, expect, it } from 'vitest';
import { retryAfterMs } from './retry-after.js';
import { retryDelayMs, DEFAULT_RETRY_POLICY } from './retry-policy.js';

const NOW = Date.UTC(2026, 10, 22, 4, 0, 0);

describe('retryAfterMs', () => {
  const cases: [string, Record<string, string>, number | undefined][] = [
    ['nothing asked', {}, undefined],
    ['seconds', { 'retry-after': '3' }, 3000],
    ['retry-after-ms wins over retry-after', { 'retry-after-ms': '250', 'retry-after': '9' }, 250],
    ['an HTTP-date', { 'retry-after': new Date(NOW + 7000).toUTCString() }, 7000],
    ['a date in the past is no wait', { 'retry-after': new Date(NOW - 7000).toUTCString() }, 0],
    ['nonsense', { 'retry-after': 'soon' }, undefined],
    ['a negative number', { 'retry-after': '-4' }, undefined],
  ];
  for (const [what, headers, want] of cases)
    it(`reads ${what}`, () => expect(retryAfterMs(new Headers(headers), NOW)).toBe(want));
});

describe('retryDelayMs', () => {
  const policy = { ...DEFAULT_RETRY_POLICY, baseDelayMs: 100, maxDelayMs: 1000 };
  it('doubles with equal jitter: half fixed, half random', () => {
    expect([1, 2, 3].map((a) => retryDelayMs(policy, a, undefined, () => 0))).toEqual([
      50, 100, 200,
    ]);
    expect([1, 2, 3].map((a) => retryDelayMs(policy, a, undefined, () => 0.999999))).toEqual([
      100, 200, 400,
    ]);
  });
  it('caps the wait, the receiver’s Retry-After included', () => {
    expect(retryDelayMs(policy, 10, undefined, () => 1)).toBe(1000);
    expect(retryDelayMs(policy, 1, 60_000, () => 0)).toBe(1000);
  });
  it('honours Retry-After over the backoff', () => {
    expect(retryDelayMs(policy, 3, 20, () => 0.5)).toBe(20);
  });
});
