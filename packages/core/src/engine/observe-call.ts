/** What a failing call showed, as data for evidence, and the key it is counted under in buckets. */
import type { Reason } from '../classify/index.js';
import type { Observed } from '../diagnosis/index.js';
import type { CallRecord } from '../records/index.js';

/** What `rec` showed: the deadline, the network error, the stream error, the status … */
export function observedOf(rec: CallRecord): Observed {
  if (rec.aborted_by === 'timeout') return { kind: 'deadline', timeout_ms: rec.timeout_ms ?? null };
  if (rec.network_error !== undefined && rec.http_status === undefined)
    return { kind: 'network_error', code: rec.network_error };
  if (rec.stream_error_type !== undefined)
    return { kind: 'stream_error', error_type: rec.stream_error_type };
  if (rec.stream === true && rec.stream_completed === false) return { kind: 'stream_cut' };
  if (rec.http_status !== undefined && rec.http_status >= 400)
    return {
      kind: 'http_error',
      status_code: rec.http_status,
      error: rec.error_code ?? rec.error_type ?? null,
    };
  // Own entries only: a check named "constructor" is a name, not a key into Object.prototype.
  const failed = Object.entries(rec.checks ?? {}).find(([, ok]) => ok === false)?.[0];
  if (failed !== undefined) return { kind: 'check_failed', check: failed };
  if (rec.stop_reason !== undefined) return { kind: 'stop_reason', stop_reason: rec.stop_reason };
  return { kind: 'empty' };
}

/** The counter key of an observation: its JSON, so equal observations count together. */
export function observedKey(o: Observed): string {
  return JSON.stringify(o);
}

/** The observation behind `key`, or only the reason when no failure was counted. */
export function observedFromKey(key: string | undefined, reason: Reason): Observed {
  // Keys are written only by `observedKey`, so they parse back to what they were made from.
  return key === undefined ? { kind: 'reason', reason } : (JSON.parse(key) as Observed);
}
