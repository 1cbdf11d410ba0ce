import { describe, expect, it } from 'vitest';
import { LATEST_TIME_MS, formatTimestamp, parseTimestamp, timestampProblem } from './timestamp.js';

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

/** RFC 3339 §5.6 date-time with a four-digit year, as `formatTimestamp` must print it. */
const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

describe('time range (1970 to 9999, both forms alike)', () => {
  it.each([
    ['epoch ms 1e16 (past what Date can hold)', 1e16],
    ['epoch ms 8.64e15 (a year-275760 Date)', 8.64e15],
    ['epoch ms one past 9999', LATEST_TIME_MS + 1],
    ['a negative epoch ms', -1],
    ['year 0000', '0000-01-01T00:00:00Z'],
    ['year 0050 (which Date.UTC reads as 1950)', '0050-01-01T00:00:00Z'],
    ['year 0999', '0999-12-31T23:59:59Z'],
    ['year 1969', '1969-12-31T23:59:59.999Z'],
    ['1970 pushed before the epoch by its offset', '1970-01-01T00:30:00+01:00'],
    ['9999 pushed past the end by its offset', '9999-12-31T23:59:59-01:00'],
  ])('rejects %s as out of range', (_name, ts) => {
    expect(parseTimestamp(ts)).toBeUndefined();
    expect(timestampProblem(ts)).toMatch(/^must be an RFC 3339 time .* from 1970-01-01/);
  });

  it.each([
    ['the epoch', 0, 0],
    ['the last millisecond of 9999', '9999-12-31T23:59:59.999Z', LATEST_TIME_MS],
    ['the last millisecond of 9999 in epoch ms', LATEST_TIME_MS, LATEST_TIME_MS],
    ['the epoch with an offset', '1970-01-01T01:00:00+01:00', 0],
  ])('accepts %s', (_name, ts, ms) => {
    expect(parseTimestamp(ts)).toBe(ms);
    expect(timestampProblem(ts)).toBeUndefined();
  });

  it('tells a malformed time from an out-of-range one', () => {
    expect(timestampProblem('yesterday')).toBe('must be an RFC 3339 time or epoch milliseconds');
    expect(timestampProblem(Number.NaN)).toBe('must be an RFC 3339 time or epoch milliseconds');
  });

  it.each([0, 1, 86_399_999, 1_763_784_723_500, 32_503_680_000_000, LATEST_TIME_MS])(
    'formats %s ms as RFC 3339 that reads back to the same instant',
    (ms) => {
      const text = formatTimestamp(ms);
      expect(text).toMatch(RFC3339);
      expect(parseTimestamp(text)).toBe(ms);
    },
  );

  it('refuses to format a time whose year is not four digits', () => {
    expect(() => formatTimestamp(8.64e15)).toThrow(RangeError);
    expect(() => formatTimestamp(1e16)).toThrow(RangeError);
    expect(() => formatTimestamp(Number.NaN)).toThrow(RangeError);
  });
});
