/** Reads the ingest server's answer bodies (server-api.md, `POST /v1/records`). */
import type { IngestRejection } from './ingest-error.js';

/** A 200 answer: `{"accepted": 998, "rejected": [{"line": 3, …}], "duplicate": false}`. */
export interface IngestAnswer {
  /** Records stored, or `undefined` when the receiver did not say (not a Faultline server). */
  readonly accepted: number | undefined;
  readonly rejected: readonly IngestRejection[];
  /** The server had already stored this batch under its `Idempotency-Key`. */
  readonly duplicate: boolean;
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

function parse(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function rejection(v: unknown): IngestRejection | undefined {
  if (!isObject(v) || typeof v.line !== 'number') return undefined;
  const reason = typeof v.reason === 'string' ? v.reason : 'rejected';
  return typeof v.field === 'string'
    ? { line: v.line, field: v.field, reason }
    : { line: v.line, reason };
}

/** Reads a 200 body; any other body (empty, not JSON) reads as "no details". */
export function parseIngestAnswer(text: string): IngestAnswer {
  const body = parse(text);
  if (!isObject(body)) return { accepted: undefined, rejected: [], duplicate: false };
  const list = Array.isArray(body.rejected) ? body.rejected : [];
  return {
    accepted: typeof body.accepted === 'number' ? body.accepted : undefined,
    rejected: list.map(rejection).filter((r) => r !== undefined),
    duplicate: body.duplicate === true,
  };
}

/** `code: message` from an error body `{"error": {"code", "message"}}`, cut to 200 characters. */
export function errorBodyMessage(text: string): string | undefined {
  const body = parse(text);
  if (!isObject(body) || !isObject(body.error)) return undefined;
  const { code, message } = body.error;
  const said = [code, message].filter((s) => typeof s === 'string').join(': ');
  return said === '' ? undefined : said.slice(0, 200);
}

/** "line 3 (ts): not a time; line 5: …", the first `max` rejections, for a report's message. */
export function describeRejections(rejected: readonly IngestRejection[], max = 5): string {
  const shown = rejected
    .slice(0, max)
    .map((r) => `line ${r.line}${r.field === undefined ? '' : ` (${r.field})`}: ${r.reason}`);
  const more = rejected.length > max ? `; and ${rejected.length - max} more` : '';
  return shown.join('; ') + more;
}
