/** How one attempt went, from its records when the instrument saw it, else from the thrown error. */
import { classify, type CallRecord, type Classification, type ModelReason } from '@faultline/core';

/** The verdicts of an attempt: one per record, or one read off the error. */
export function attemptVerdicts(
  records: readonly CallRecord[],
  error: unknown,
  provider: string,
  model: string,
): Classification[] {
  if (records.length > 0) return records.map((r) => classify(r));
  if (error === undefined) return [classify({ ts: 0, provider, model, http_status: 200 })];
  return [classify(errorRecord(error, provider, model))];
}

/** Whether moving to the next target can help after this verdict. */
export function movesOn(c: Classification, quality: readonly ModelReason[]): boolean {
  if (c.layer === 'model') return quality.some((r) => r === c.reason);
  if (c.layer === 'integration') return c.retryable || ACCOUNT.has(c.reason);
  return c.layer !== 'none';
}

/** Auth, billing and quota belong to one provider account: another target's may work. */
const ACCOUNT = new Set(['auth', 'permission', 'billing', 'quota_exhausted']);

/** A record made from an SDK error (`status`, `error.type`, the cause's `code`): no text kept. */
function errorRecord(error: unknown, provider: string, model: string): CallRecord {
  const e = isObject(error) ? error : {};
  const status = typeof e.status === 'number' ? e.status : undefined;
  const body = isObject(e.error) ? (isObject(e.error.error) ? e.error.error : e.error) : {};
  const cause = isObject(e.cause) ? e.cause : {};
  const record: CallRecord = { ts: 0, provider, model };
  if (status !== undefined) record.http_status = status;
  if (typeof body.type === 'string') record.error_type = body.type;
  if (typeof body.code === 'string') record.error_code = body.code;
  if (status === undefined)
    record.network_error = typeof cause.code === 'string' ? cause.code : 'unknown';
  return record;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null;
}
