/**
 * A record as a report file carries it: only the fields the incident page's charts and tables
 * read (docs/call-record.md), `ts` as RFC 3339 UTC, and a call's `classification` as the
 * service stores it. Unknown fields, ids and free-form extras are left out.
 */
import {
  classify,
  formatTimestamp,
  isStatusObservation,
  type FaultlineRecord,
} from '@faultline/core';

/** The fields of a call kept in a report. */
export const CALL_FIELDS = [
  'provider',
  'model',
  'source',
  'attempt',
  'duration_ms',
  'ttft_ms',
  'timeout_ms',
  'http_status',
  'error_type',
  'error_code',
  'error_message',
  'network_error',
  'aborted_by',
  'content_type',
  'edge',
  'retry_after_ms',
  'stream',
  'stream_error_type',
  'stream_completed',
  'stop_reason',
  'checks',
] as const;

/** The fields of a status observation kept in a report. */
export const STATUS_FIELDS = ['provider', 'component', 'status', 'incident'] as const;

/** Free text cut to call-record.md's 500 characters: long messages cannot swell the file. */
const TEXT_FIELDS: ReadonlySet<string> = new Set(['error_message', 'incident']);
export const MAX_TEXT_CHARS = 500;

/** `text` cut to {@link MAX_TEXT_CHARS} UTF-16 units, never between the halves of a pair. */
export function clipText(text: string): string {
  if (text.length <= MAX_TEXT_CHARS) return text;
  const end = /[\uD800-\uDBFF]/.test(text[MAX_TEXT_CHARS - 1]!)
    ? MAX_TEXT_CHARS - 1
    : MAX_TEXT_CHARS;
  return text.slice(0, end);
}

/** The record reduced to the report's fields. */
export function reportFields(record: FaultlineRecord, timeMs: number): Record<string, unknown> {
  const r = record as unknown as Readonly<Record<string, unknown>>;
  const status = isStatusObservation(record);
  const out: Record<string, unknown> = {
    ts: formatTimestamp(timeMs),
    kind: status ? 'status' : 'call',
  };
  for (const k of status ? STATUS_FIELDS : CALL_FIELDS) {
    const v = r[k];
    if (v !== undefined) out[k] = typeof v === 'string' && TEXT_FIELDS.has(k) ? clipText(v) : v;
  }
  if (!status) out.classification = classify(record);
  return out;
}
