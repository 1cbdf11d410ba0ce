/** Validators and the 304 decision for conditional GET (RFC 9110 §8.8, §13). */
import { createHash } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';

/** A strong entity tag for `body`: a digest, so an unchanged document keeps its tag. */
export function entityTag(body: string): string {
  return `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;
}

/** Drops the weakness prefix: If-None-Match uses the weak comparison (RFC 9110 §13.1.2). */
function opaque(tag: string): string {
  return tag.trim().replace(/^W\//, '');
}

/**
 * Whether the client's copy is current: `If-None-Match` decides when present (§13.1.2: `*` or a
 * listed tag); otherwise `If-Modified-Since` at or after the last change, in whole seconds as
 * HTTP-dates carry (§13.1.3). An unparseable date is ignored.
 */
export function isNotModified(
  headers: IncomingHttpHeaders,
  etag: string,
  lastModifiedMs: number,
): boolean {
  const inm = headers['if-none-match'];
  if (inm !== undefined) {
    return inm.trim() === '*' || inm.split(',').some((t) => opaque(t) === opaque(etag));
  }
  const ims = headers['if-modified-since'];
  if (ims === undefined) return false;
  const since = Date.parse(ims);
  return Number.isFinite(since) && Math.floor(lastModifiedMs / 1000) * 1000 <= since;
}
