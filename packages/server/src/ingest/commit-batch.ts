/** Commits one judged batch, feeds the hook and the counters, and answers only then. */
import { channel } from 'node:diagnostics_channel';
import type { ServerResponse } from 'node:http';
import { sendError, sendJsonText } from '../http/index.js';
import { StoreUnavailableError, type Store, type StoredRecord } from '../store/port.js';
import { answerOf, duplicateOf } from './ingest-answer.js';
import type { IngestObserver } from './ingest-observer.js';
import type { RowCollector } from './row-collector.js';

/** A throwing `onCommitted` is published here: the records are stored, the client is answered. */
export const INGEST_HOOK_ERROR_CHANNEL = 'faultline:ingest:hook-error';
const hookErrors = channel(INGEST_HOOK_ERROR_CHANNEL);

export interface CommitDeps {
  readonly store: Pick<Store, 'commitRecords'>;
  readonly observer: IngestObserver;
  readonly onCommitted: ((records: readonly StoredRecord[]) => void) | undefined;
  readonly retryAfterS: number;
  readonly now: () => number;
}

/**
 * Commits the rows (with the key, when given, in the same transaction) and answers: the first
 * answer, a resend's stored one marked duplicate, or 503 with `Retry-After` when the store cannot
 * take writes. Any other store failure rejects (the dispatcher answers 500).
 */
export async function commitBatch(
  deps: CommitDeps,
  res: ServerResponse,
  rows: RowCollector,
  key: string | undefined,
): Promise<void> {
  const answer = answerOf(rows);
  const started = performance.now();
  let result;
  try {
    result = await deps.store.commitRecords({
      rows: rows.rows,
      response: answer,
      nowMs: deps.now(),
      ...(key === undefined ? {} : { idempotencyKey: key }),
    });
  } catch (e: unknown) {
    if (!(e instanceof StoreUnavailableError)) throw e;
    const retry = { 'retry-after': String(deps.retryAfterS) };
    sendError(res, 503, 'unavailable', 'The store cannot take writes now; retry later.', retry);
    return;
  } finally {
    deps.observer.storeWrite((performance.now() - started) / 1000);
  }
  if (result.kind === 'duplicate') {
    sendJsonText(res, 200, duplicateOf(result.response));
    return;
  }
  const records = rows.commit(result.firstSeq);
  for (const [source, n] of rows.bySource) deps.observer.accepted(source, n);
  if (rows.rejectedTotal > 0) deps.observer.rejected(rows.rejectedTotal);
  if (deps.onCommitted !== undefined && records.length > 0) {
    try {
      deps.onCommitted(records);
    } catch (e: unknown) {
      if (hookErrors.hasSubscribers) hookErrors.publish({ error: e });
    }
  }
  sendJsonText(res, 200, answer);
}
