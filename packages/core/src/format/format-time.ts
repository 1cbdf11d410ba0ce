/** UTC clock times, dates and durations for people: deterministic, never the local time zone. */

/** Epoch milliseconds of an RFC 3339 time, or `undefined` for anything else. */
export function timeMs(iso: string | null | undefined): number | undefined {
  if (iso === null || iso === undefined) return undefined;
  const ms = Date.parse(iso);
  return Number.isFinite(ms) ? ms : undefined;
}

/** "04:12 UTC". */
export function clockUtc(ms: number): string {
  return `${new Date(ms).toISOString().slice(11, 16)} UTC`;
}

/** "2026-11-22". */
export function dateUtc(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/**
 * "from 04:12 UTC to 04:31 UTC on 2026-11-22", with both dates when the span crosses midnight UTC.
 */
export function spanUtc(fromMs: number, toMs: number): string {
  if (dateUtc(fromMs) === dateUtc(toMs)) {
    return `from ${clockUtc(fromMs)} to ${clockUtc(toMs)} on ${dateUtc(fromMs)}`;
  }
  return `from ${dateUtc(fromMs)} ${clockUtc(fromMs)} to ${dateUtc(toMs)} ${clockUtc(toMs)}`;
}

/** A duration in words, rounded to the minute: "19 minutes", "2 hours 5 minutes", "under a minute". */
export function durationWords(ms: number): string {
  const minutes = Math.round(Math.max(0, ms) / 60_000);
  if (minutes < 1) return 'under a minute';
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  const parts: string[] = [];
  if (h > 0) parts.push(`${h} hour${h === 1 ? '' : 's'}`);
  if (m > 0) parts.push(`${m} minute${m === 1 ? '' : 's'}`);
  return parts.join(' ');
}
