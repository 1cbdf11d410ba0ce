/**
 * What the prober changes on the instrument's records: `source: "probe"`, one attempt, and the
 * `answer_budget` check, which says when the output budget ran out before any answer text.
 */
import type { CallRecord } from '@faultline/core';

/**
 * The check a probe adds to every 2xx answer: `false` when the answer stopped at the token
 * budget (`max_tokens`, `length`, `MAX_TOKENS`, …) with no text at all — the budget went to
 * reasoning, and the model was never given room to answer; `true` otherwise.
 */
export const ANSWER_BUDGET_CHECK = 'answer_budget';

// The truncation stop reasons of each API (error-taxonomy.md §1.5, §3.3, §4.3).
const BUDGET_STOPS: ReadonlySet<string> = new Set([
  'max_tokens',
  'length',
  'MAX_TOKENS',
  'max_output_tokens',
]);

/** The record as the prober writes it. */
export function probeRecord(record: CallRecord): CallRecord {
  // A probe makes one attempt; the instrument's own numbering would call a repeat a retry.
  const out: CallRecord = { ...record, source: 'probe', attempt: 1 };
  const status = record.http_status;
  if (status === undefined || status < 200 || status >= 300 || record.checks === undefined)
    return out;
  const spent =
    record.stop_reason !== undefined &&
    BUDGET_STOPS.has(record.stop_reason) &&
    (record.output_chars ?? 0) === 0;
  out.checks = { ...record.checks, [ANSWER_BUDGET_CHECK]: !spent };
  return out;
}
