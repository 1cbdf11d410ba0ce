import { describe, expect, it } from 'vitest';
import { formatTimestamp, parseTimestamp } from './timestamp.js';

describe('parseTimestamp', () => {
  it.each([
    ['2026-11-22T04:12:03Z', Date.UTC(2026, 10, 22, 4, 12, 3)],
    ['2026-11-22T04:12:03.120Z', Date.UTC(2026, 10, 22, 4, 12, 3, 120)],
    ['2026-11-22T04:12:03.123456789Z', Date.UTC(2026, 10, 22, 4, 12, 3, 123)],
    ['2026-11-22t04:12:03z', Date.UTC(2026, 10, 22, 4, 12, 3)],
    ['2026-11-22 04:12:03Z', Date.UTC(2026, 10, 22, 4, 12, 3)],
    ['2026-11-22T06:12:03+02:00', Date.UTC(2026, 10, 22, 4, 12, 3)],
    ['2024-02-29T00:00:00Z', Date.UTC(2024, 1, 29)],
    ['2016-12-31T23:59:60Z', Date.UTC(2016, 11, 31, 23, 59, 59)],
    [1763784723500, 1763784723500],
    [0, 0],
  ])('reads %s', (input, expected) => {
    expect(parseTimestamp(input)).toBe(expected);
  });

  it.each([
    '2026-11-22',
    '2026-11-22T04:12Z',
    '2026-13-01T00:00:00Z',
    '2025-02-29T00:00:00Z',
    '2026-11-22T24:00:00Z',
    '2026-11-22T04:12:03',
    'Sun, 22 Nov 2026 04:12:03 GMT',
    '',
    -1,
    Number.NaN,
    Number.POSITIVE_INFINITY,
    null,
    {},
  ])('rejects %s', (input) => {
    expect(parseTimestamp(input)).toBeUndefined();
  });

  it('formats epoch ms as RFC 3339 UTC', () => {
    expect(formatTimestamp(Date.UTC(2026, 10, 22, 4, 12, 3, 120))).toBe('2026-11-22T04:12:03.120Z');
  });
});
