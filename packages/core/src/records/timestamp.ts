/** The two time forms of spec/call-record.md: RFC 3339 strings and epoch milliseconds. */

/** Epoch milliseconds of a record's `ts`, or `undefined` when it is not a valid time. */
export function parseTimestamp(ts: unknown): number | undefined {
  if (typeof ts === 'number') return Number.isFinite(ts) && ts >= 0 ? ts : undefined;
  return typeof ts === 'string' ? parseRfc3339(ts) : undefined;
}

/**
 * RFC 3339 §5.6 `date-time`, read digit by digit (this runs once per record, so no regex and no
 * string building). §5.6 NOTE allows a space for "T" by agreement; lower-case t and z are allowed.
 * A leap second (:60) is read as :59.
 */
function parseRfc3339(s: string): number | undefined {
  if (s.length < 20) return undefined;
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
    return undefined;
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
    if (i === start) return undefined;
    ms = Math.floor(ms);
  }
  const offsetMinutes = zoneOffset(s, i);
  if (offsetMinutes === undefined) return undefined;
  const utc = Date.UTC(year, month - 1, day, hour, minute, Math.min(second, 59), ms);
  return utc - offsetMinutes * 60_000;
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

/** Formats epoch milliseconds as RFC 3339 in UTC with milliseconds. */
export function formatTimestamp(ms: number): string {
  return new Date(ms).toISOString();
}
