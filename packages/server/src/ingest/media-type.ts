/** Reads the `Content-Type` and `Content-Encoding` of an ingest request (server-api.md). */

/** How a body holds records: one per line, or one JSON document (a record or an array). */
export type BodyFormat = 'lines' | 'json';

const FORMATS: ReadonlyMap<string, BodyFormat> = new Map([
  ['application/x-ndjson', 'lines'],
  ['application/jsonl', 'lines'],
  ['application/json', 'json'],
]);

/**
 * The body format of a media type, parameters (`; charset=utf-8`) ignored and case folded
 * (RFC 9110 §8.3.1); `undefined` for a missing or other type (415).
 */
export function bodyFormatOf(contentType: string | undefined): BodyFormat | undefined {
  if (contentType === undefined) return undefined;
  const semi = contentType.indexOf(';');
  const type = (semi === -1 ? contentType : contentType.slice(0, semi)).trim().toLowerCase();
  return FORMATS.get(type);
}

/** A content coding the server can undo. */
export type BodyEncoding = 'identity' | 'gzip';

/**
 * The coding of `Content-Encoding`: none or `identity`, or `gzip` (also its alias `x-gzip`,
 * RFC 9110 §8.4.1.3); `undefined` for any other or a list of several (415, RFC 9110 §15.5.16).
 */
export function bodyEncodingOf(contentEncoding: string | undefined): BodyEncoding | undefined {
  if (contentEncoding === undefined) return 'identity';
  const coding = contentEncoding.trim().toLowerCase();
  if (coding === '' || coding === 'identity') return 'identity';
  if (coding === 'gzip' || coding === 'x-gzip') return 'gzip';
  return undefined;
}
