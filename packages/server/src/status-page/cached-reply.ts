/**
 * Answers a page with validators so readers and caches can poll it cheaply: a strong ETag over
 * the body, a short `max-age`, and 304 for a matching `If-None-Match` (RFC 9110 §8.8.3, §13.1.2;
 * RFC 9111 §5.2.2.1).
 */
import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';

/** Seconds a reader may reuse an answer without asking again: short, since incidents move fast. */
export const MAX_AGE_S = 5;

/** Whether `header` (a list of entity tags, or `*`) matches `etag`, compared weakly (§13.1.2). */
export function etagMatches(header: string | undefined, etag: string): boolean {
  if (header === undefined) return false;
  if (header.trim() === '*') return true;
  const bare = (t: string): string => t.trim().replace(/^W\//, '');
  return header.split(',').some((t) => bare(t) === etag);
}

/** Sends `body` with `contentType`, or 304 when the reader's copy is current. */
export function sendCached(
  req: IncomingMessage,
  res: ServerResponse,
  contentType: string,
  body: string,
  extra: Readonly<Record<string, string>> = {},
): void {
  const etag = `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;
  const headers = {
    ...extra,
    etag,
    'cache-control': `public, max-age=${MAX_AGE_S}`,
    'x-content-type-options': 'nosniff',
  };
  if (etagMatches(req.headers['if-none-match'], etag)) {
    res.writeHead(304, headers);
    res.end();
    return;
  }
  res.writeHead(200, {
    ...headers,
    'content-type': contentType,
    'content-length': Buffer.byteLength(body),
  });
  res.end(body);
}
