/** Reads what an ingest request's headers ask for, or why they are refused. */
import type { IncomingHttpHeaders } from 'node:http';
import { bodyEncodingOf, bodyFormatOf, type BodyEncoding, type BodyFormat } from './media-type.js';

/** Longest `Idempotency-Key` (server-api.md). */
export const MAX_KEY_LENGTH = 200;

export type IngestHeaders =
  | {
      readonly kind: 'ok';
      readonly format: BodyFormat;
      readonly encoding: BodyEncoding;
      readonly key: string | undefined;
    }
  | {
      readonly kind: 'refused';
      readonly status: 400 | 415;
      readonly code: string;
      readonly message: string;
    };

const TYPES =
  'application/x-ndjson, application/jsonl or application/json, optionally gzip-encoded';

/** 415 for a content type or coding we cannot read; 400 for an empty or over-long key. */
export function readIngestHeaders(headers: IncomingHttpHeaders): IngestHeaders {
  const format = bodyFormatOf(headers['content-type']);
  const encoding = bodyEncodingOf(headers['content-encoding']);
  if (format === undefined || encoding === undefined) {
    const what = format === undefined ? 'Content-Type' : 'Content-Encoding';
    const message = `Unsupported ${what}: send ${TYPES}.`;
    return { kind: 'refused', status: 415, code: 'unsupported_media_type', message };
  }
  const raw = headers['idempotency-key'];
  // Node joins a repeated unknown header with ", " (typed as a possible list all the same).
  const key = Array.isArray(raw) ? raw.join(', ') : raw;
  if (key !== undefined && (key.length === 0 || key.length > MAX_KEY_LENGTH)) {
    const message = `Idempotency-Key must be 1 to ${MAX_KEY_LENGTH} characters.`;
    return { kind: 'refused', status: 400, code: 'bad_request', message };
  }
  return { kind: 'ok', format, encoding, key };
}
