/** Validates one decoded JSON value as a call record or status observation (spec/call-record.md). */
import {
  boolean,
  count,
  checkFields,
  fieldChecks,
  integerFrom,
  isObject,
  nonEmptyString,
  nonNegative,
  oneOf,
  string,
  type Check,
} from '../checks/index.js';
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

const millis = nonNegative;
const componentStatus = oneOf(COMPONENT_STATUSES);
const httpStatus = integerFrom(100, 599);
const attempt: Check = (v) =>
  Number.isInteger(v) && (v as number) >= 1 ? undefined : 'must be an integer >= 1';
const checks: Check = (v) => {
  if (!isObject(v)) return 'must be an object';
  for (const name in v) {
    if (typeof v[name] !== 'boolean') {
      return `"${name}" must be a boolean`;
    }
  }
  return undefined;
};

/** Optional fields of a call; `null` counts as absent, as JSON exporters often write it. */
const CALL_FIELDS = fieldChecks([
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

const STATUS_FIELDS = fieldChecks([['incident', string]]);

/** Optional fields: unknown ones are kept unchecked; `null` counts as absent. */
const OPTIONAL = { unknown: 'allow', nullIsAbsent: true } as const;

function pushProblem(problems: RecordProblem[], field: string, reason: string): void {
  problems.push({ field, reason });
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
  if (!isObject(value)) {
    return { ok: false, problems: [{ field: 'record', reason: 'not a JSON object' }] };
  }
  const obj = value;
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
    required(obj, 'status', componentStatus, problems);
    optional = STATUS_FIELDS;
  } else if (kind === 'call') {
    required(obj, 'model', nonEmptyString, problems);
  } else {
    problems.push({ field: 'kind', reason: 'must be "call" or "status"' });
  }
  // Only the fields present are checked: cost follows the record, not the schema.
  checkFields(obj, optional, OPTIONAL, pushProblem, problems);
  if (problems.length > 0 || timeMs === undefined) return { ok: false, problems };
  return { ok: true, record: obj as FaultlineRecord, timeMs };
}
