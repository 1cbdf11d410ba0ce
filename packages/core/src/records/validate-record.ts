/** Validates one decoded JSON value as a call record or status observation (spec/call-record.md). */
import { ABORTED_BY, COMPONENT_STATUSES, SOURCES, type FaultlineRecord } from './call-record.js';
import { parseTimestamp, timestampProblem } from './timestamp.js';

/** One thing wrong with a record: the field and why. */
export interface RecordProblem {
  readonly field: string;
  readonly reason: string;
}

export type RecordResult =
  | { readonly ok: true; readonly record: FaultlineRecord; readonly timeMs: number }
  | { readonly ok: false; readonly problems: readonly RecordProblem[] };

type Check = (value: unknown) => string | undefined;

const string: Check = (v) => (typeof v === 'string' ? undefined : 'must be a string');
const nonEmptyString: Check = (v) =>
  typeof v === 'string' && v.length > 0 ? undefined : 'must be a non-empty string';
const boolean: Check = (v) => (typeof v === 'boolean' ? undefined : 'must be a boolean');
const millis: Check = (v) =>
  typeof v === 'number' && Number.isFinite(v) && v >= 0
    ? undefined
    : 'must be a non-negative number';
const count: Check = (v) =>
  Number.isInteger(v) && (v as number) >= 0 ? undefined : 'must be a non-negative integer';
const attempt: Check = (v) =>
  Number.isInteger(v) && (v as number) >= 1 ? undefined : 'must be an integer >= 1';
const httpStatus: Check = (v) =>
  Number.isInteger(v) && (v as number) >= 100 && (v as number) <= 599
    ? undefined
    : 'must be an integer from 100 to 599';
const oneOf =
  (allowed: readonly string[]): Check =>
  (v) =>
    typeof v === 'string' && allowed.includes(v)
      ? undefined
      : `must be one of ${allowed.join(', ')}`;
const checks: Check = (v) => {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return 'must be an object';
  for (const name in v) {
    if (typeof (v as Record<string, unknown>)[name] !== 'boolean') {
      return `"${name}" must be a boolean`;
    }
  }
  return undefined;
};

/** Optional fields of a call; `null` counts as absent, as JSON exporters often write it. */
const CALL_FIELDS = checksFor([
  ['duration_ms', millis],
  ['ttft_ms', millis],
  ['http_status', httpStatus],
  ['error_type', string],
  ['error_code', string],
  ['error_message', string],
  ['content_type', string],
  ['request_id', string],
  ['retry_after_ms', millis],
  ['network_error', string],
  ['aborted_by', oneOf(ABORTED_BY)],
  ['timeout_ms', millis],
  ['stream', boolean],
  ['stream_error_type', string],
  ['stream_completed', boolean],
  ['stop_reason', string],
  ['input_tokens', count],
  ['output_tokens', count],
  ['output_chars', count],
  ['checks', checks],
  ['attempt', attempt],
  ['source', oneOf(SOURCES)],
  ['app', string],
  ['server_address', string],
  ['edge', string],
]);

const STATUS_FIELDS = checksFor([['incident', string]]);

/** A prototype-less lookup, so that a record key like "constructor" finds nothing. */
function checksFor(entries: ReadonlyArray<readonly [string, Check]>): Record<string, Check> {
  const table = Object.create(null) as Record<string, Check>;
  for (const [field, check] of entries) table[field] = check;
  return table;
}

function required(
  obj: Record<string, unknown>,
  field: string,
  check: Check,
  problems: RecordProblem[],
): void {
  const value = obj[field];
  if (value === undefined || value === null) problems.push({ field, reason: 'required' });
  else {
    const reason = check(value);
    if (reason !== undefined) problems.push({ field, reason });
  }
}

/**
 * Checks a decoded JSON value against call record v1. The record object is returned as is, with
 * unknown fields kept; `timeMs` is `ts` in epoch milliseconds.
 */
export function validateRecord(value: unknown): RecordResult {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { ok: false, problems: [{ field: 'record', reason: 'not a JSON object' }] };
  }
  const obj = value as Record<string, unknown>;
  const problems: RecordProblem[] = [];
  const timeMs = parseTimestamp(obj.ts);
  if (obj.ts === undefined || obj.ts === null) problems.push({ field: 'ts', reason: 'required' });
  else if (timeMs === undefined) {
    problems.push({ field: 'ts', reason: timestampProblem(obj.ts) ?? 'not a valid time' });
  }
  required(obj, 'provider', nonEmptyString, problems);
  const kind = obj.kind ?? 'call';
  let optional = CALL_FIELDS;
  if (kind === 'status') {
    required(obj, 'component', nonEmptyString, problems);
    required(obj, 'status', oneOf(COMPONENT_STATUSES), problems);
    optional = STATUS_FIELDS;
  } else if (kind === 'call') {
    required(obj, 'model', nonEmptyString, problems);
  } else {
    problems.push({ field: 'kind', reason: 'must be "call" or "status"' });
  }
  // Only the fields present are checked: cost follows the record, not the schema.
  for (const field in obj) {
    const check = optional[field];
    if (check === undefined) continue;
    const v = obj[field];
    if (v === undefined || v === null) continue;
    const reason = check(v);
    if (reason !== undefined) problems.push({ field, reason });
  }
  if (problems.length > 0 || timeMs === undefined) return { ok: false, problems };
  return { ok: true, record: obj as FaultlineRecord, timeMs };
}
