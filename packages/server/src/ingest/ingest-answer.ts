/** The JSON answer of `POST /v1/records` (server-api.md), and its form for a resend. */
import type { RowCollector } from './row-collector.js';

const FIRST_TIME = ',"duplicate":false}';

/**
 * `{"accepted", "rejected", "duplicate": false}`. When more lines were rejected than listed,
 * `rejected_total` gives their number (an addition to the spec's shape, present only then).
 */
export function answerOf(rows: RowCollector): string {
  const total =
    rows.rejectedTotal > rows.rejected.length ? `,"rejected_total":${rows.rejectedTotal}` : '';
  return `{"accepted":${rows.rows.length},"rejected":${JSON.stringify(rows.rejected)}${total}${FIRST_TIME}`;
}

/** The first answer kept under an idempotency key, marked `"duplicate": true`. */
export function duplicateOf(stored: string): string {
  if (stored.endsWith(FIRST_TIME)) {
    return `${stored.slice(0, -FIRST_TIME.length)},"duplicate":true}`;
  }
  try {
    const value: unknown = JSON.parse(stored);
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
      return JSON.stringify({ ...value, duplicate: true });
    }
  } catch {
    // Not ours: answered below.
  }
  return '{"accepted":0,"rejected":[],"duplicate":true}';
}
