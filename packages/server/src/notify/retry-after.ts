/**
 * How long a receiver asked us to wait: `retry-after-ms` first, then `Retry-After` as seconds or an
 * HTTP-date (RFC 9110 §10.2.3), as anthropic-sdk-typescript's `retryRequest` reads them.
 */

/** The wait in ms the headers ask for, or `undefined` when they ask none (or nonsense). */
export function retryAfterMs(headers: Headers, nowMs: number): number | undefined {
  const ms = headers.get('retry-after-ms');
  if (ms !== null && /^\d+(\.\d+)?$/.test(ms.trim())) return Math.round(Number(ms));
  const value = headers.get('retry-after');
  if (value === null) return undefined;
  const text = value.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  // An HTTP-date names its weekday and month ("Sun, 22 Nov 2026 04:12:00 GMT"); without a letter,
  // Date.parse would read "-4" as a year.
  if (!/[a-z]/i.test(text)) return undefined;
  const date = Date.parse(text);
  return Number.isNaN(date) ? undefined : Math.max(0, date - nowMs);
}
