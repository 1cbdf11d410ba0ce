/** The wait a server asks for before a retry, read from its response headers. */

/** The headers this module reads: a fetch `Headers`, or anything with the same `get`. */
export interface HeaderSource {
  get(name: string): string | null;
}

/**
 * The wait in ms the server asked for, or `undefined` when it named none (or an unreadable one).
 * Reads `retry-after-ms` first, then `Retry-After` as delay-seconds or an HTTP-date
 * (RFC 9110 §10.2.3), in that order, as anthropic-sdk-typescript's `retryRequest` does.
 * A date in the past means no wait. `nowMs` is passed in: this function reads no clock.
 */
export function retryAfterMs(headers: HeaderSource, nowMs: number): number | undefined {
  const ms = headers.get('retry-after-ms')?.trim();
  if (ms !== undefined && /^\d+(\.\d+)?$/.test(ms)) return Number(ms);
  const value = headers.get('retry-after')?.trim();
  if (value === undefined || value === '') return undefined;
  if (/^\d+$/.test(value)) return Number(value) * 1000;
  // An HTTP-date: IMF-fixdate, or the obsolete RFC 850 and asctime forms, which Date.parse reads.
  // Each names its month in letters; Date.parse would also take "-1" or "2026" as a date.
  if (!/[a-z]{3}/i.test(value)) return undefined;
  const at = Date.parse(value);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, at - nowMs);
}
