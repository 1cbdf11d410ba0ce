/** The two time forms of spec/call-record.md: RFC 3339 strings and epoch milliseconds. */

/**
 * The times a record may carry: 1970-01-01T00:00:00Z through 9999-12-31T23:59:59.999Z, in both
 * forms alike. Before 1970 epoch milliseconds are negative (which the number form does not allow),
 * and after 9999 no RFC 3339 year (four digits, §5.6 `date-fullyear`) can print the time.
 */
export const EARLIEST_TIME_MS = 0;
/** 9999-12-31T23:59:59.999Z in epoch milliseconds; see `EARLIEST_TIME_MS`. */
export const LATEST_TIME_MS = 253_402_300_799_999;

const FORM = 'must be an RFC 3339 time or epoch milliseconds';
const RANGE = `${FORM} from 1970-01-01T00:00:00Z to 9999-12-31T23:59:59.999Z`;

/** Epoch milliseconds of a record's `ts`, or `undefined` when it is not a valid time. */
export function parseTimestamp(ts: unknown): number | undefined {
  const ms = readTimestamp(ts);
  return typeof ms === 'number' ? ms : undefined;
}

/** Why `ts` is not a valid record time (bad form, or out of range), or `undefined` when it is. */
export function timestampProblem(ts: unknown): string | undefined {
  const ms = readTimestamp(ts);
  return ms === 'form' ? FORM : ms === 'range' ? RANGE : undefined;
}

function readTimestamp(ts: unknown): number | 'form' | 'range' {
  if (typeof ts === 'number') {
    if (!Number.isFinite(ts)) return 'form';
    return inRange(ts) ? ts : 'range';
  }
  return typeof ts === 'string' ? parseRfc3339(ts) : 'form';
}

function inRange(ms: number): boolean {
  return ms >= EARLIEST_TIME_MS && ms <= LATEST_TIME_MS;
}

/**
 * RFC 3339 §5.6 `date-time`, read digit by digit (this runs once per record, so no regex and no
 * string building). §5.6 NOTE allows a space for "T" by agreement; lower-case t and z are allowed.
 * A leap second (:60) is read as :59.
 */
function parseRfc3339(s: string): number | 'form' | 'range' {
  if (s.length < 20) return 'form';
  const year = digits(s, 0, 4);
  const month = digits(s, 5, 2);
  const day = digits(s, 8, 2);
  const hour = digits(s, 11, 2);
  const minute = digits(s, 14, 2);
  const second = digits(s, 17, 2);
  const t = s.charCodeAt(10);
  if (
    year < 0 ||
    month < 1 ||
    month > 12 ||
    day < 1 ||
    day > daysInMonth(year, month) ||
    hour > 23 ||
    minute > 59 ||
    second > 60 ||
    hour < 0 ||
    minute < 0 ||
    second < 0 ||
    s.charCodeAt(4) !== 45 ||
    s.charCodeAt(7) !== 45 || // '-'
    (t !== 84 && t !== 116 && t !== 32) || // 'T' 't' ' '
    s.charCodeAt(13) !== 58 ||
    s.charCodeAt(16) !== 58 // ':'
  ) {
    return 'form';
  }
  let i = 19;
  let ms = 0;
  if (s.charCodeAt(i) === 46) {
    // '.' then one or more digits; milliseconds from the first three
    let scale = 100;
    const start = ++i;
    for (; i < s.length; i++) {
      const d = s.charCodeAt(i) - 48;
      if (d < 0 || d > 9) break;
      ms += d * scale;
      scale /= 10;
    }
    if (i === start) return 'form';
    ms = Math.floor(ms);
  }
  const offsetMinutes = zoneOffset(s, i);
  if (offsetMinutes === undefined) return 'form';
  // Checked before Date.UTC, which reads years 0 to 99 as 1900 to 1999.
  if (year < 1970) return 'range';
  const utc = Date.UTC(year, month - 1, day, hour, minute, Math.min(second, 59), ms);
  const at = utc - offsetMinutes * 60_000;
  return inRange(at) ? at : 'range';
}

/** Minutes east of UTC of the zone at `i` ("Z" or "±HH:MM" ending the string), or undefined. */
function zoneOffset(s: string, i: number): number | undefined {
  const c = s.charCodeAt(i);
  if (c === 90 || c === 122) return i + 1 === s.length ? 0 : undefined; // 'Z' 'z'
  if ((c !== 43 && c !== 45) || i + 6 !== s.length || s.charCodeAt(i + 3) !== 58) return undefined;
  const h = digits(s, i + 1, 2);
  const m = digits(s, i + 4, 2);
  if (h < 0 || h > 23 || m < 0 || m > 59) return undefined;
  return (c === 45 ? -1 : 1) * (h * 60 + m);
}

/** The decimal number of `n` digits at `at`, or -1 if any is not a digit. */
function digits(s: string, at: number, n: number): number {
  let v = 0;
  for (let i = at; i < at + n; i++) {
    const d = s.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return -1;
    v = v * 10 + d;
  }
  return v;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** Year 0000, the first that `toISOString` prints with four digits rather than six and a sign. */
const FOUR_DIGIT_YEARS_FROM_MS = -62_167_219_200_000;

/**
 * Formats epoch milliseconds as RFC 3339 in UTC with milliseconds. Throws a RangeError for a time
 * whose year is not four digits, rather than print a time that is not RFC 3339.
 */
export function formatTimestamp(ms: number): string {
  if (!(ms >= FOUR_DIGIT_YEARS_FROM_MS && ms <= LATEST_TIME_MS)) {
    throw new RangeError(`time out of the RFC 3339 range: ${ms} ms`);
  }
  return new Date(ms).toISOString();
}
