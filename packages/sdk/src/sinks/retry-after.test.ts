import { describe, expect, it } from 'vitest';
import { retryAfterMs } from './retry-after.js';

const NOW = Date.parse('2026-03-01T12:00:00.000Z');
const h = (o: Record<string, string>): Headers => new Headers(o);

describe('retryAfterMs', () => {
  it.each([
    ['delay-seconds', { 'retry-after': '3' }, 3000],
    ['zero seconds', { 'retry-after': '0' }, 0],
    ['an HTTP-date 5 s ahead', { 'retry-after': 'Sun, 01 Mar 2026 12:00:05 GMT' }, 5000],
    ['an HTTP-date in the past', { 'retry-after': 'Sun, 01 Mar 2026 11:00:00 GMT' }, 0],
    ['retry-after-ms before Retry-After', { 'retry-after-ms': '250', 'retry-after': '9' }, 250],
    [
      'a bad retry-after-ms, then Retry-After',
      { 'retry-after-ms': 'soon', 'retry-after': '2' },
      2000,
    ],
    ['nothing', {}, undefined],
    ['an unreadable value', { 'retry-after': 'later' }, undefined],
    ['negative seconds', { 'retry-after': '-1' }, undefined],
  ] as const)('reads %s', (_, headers, expected) => {
    expect(retryAfterMs(h(headers), NOW)).toBe(expected);
  });
});
