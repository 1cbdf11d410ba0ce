/**
 * Group commit: batches that arrive while the event loop is busy are committed together in one
 * SQLite transaction, each in its own savepoint, so one fsync (synchronous=FULL) acknowledges
 * several batches. Each batch keeps its own outcome (committed, duplicate or failed, whole or not
 * at all), and no promise settles before the shared COMMIT is durable.
 */
import type { Database } from 'better-sqlite3';
import type { CommitResult, RecordBatch } from '../port.js';
import { toStoreError } from './sqlite-errors.js';

interface Waiting {
  readonly batch: RecordBatch;
  readonly resolve: (result: CommitResult) => void;
  readonly reject: (error: unknown) => void;
}

/** Batches per transaction at most: bounds how long one commit holds the event loop. */
const MAX_GROUP = 16;

/** A `commitRecords` that groups; `commitOne` runs one batch inside the open transaction. */
export function groupCommit(
  db: Database,
  commitOne: (batch: RecordBatch) => CommitResult,
  isClosed: () => boolean,
  closedError: () => Error,
): (batch: RecordBatch) => Promise<CommitResult> {
  const waiting: Waiting[] = [];
  let scheduled = false;
  const runGroup = db.transaction((group: readonly Waiting[]) =>
    group.map((w): CommitResult | Error => {
      try {
        return commitOne(w.batch);
      } catch (e: unknown) {
        return toStoreError(e);
      }
    }),
  );
  const flush = (): void => {
    scheduled = false;
    const group = waiting.splice(0, MAX_GROUP);
    if (waiting.length > 0) schedule();
    if (isClosed()) {
      for (const w of group) w.reject(closedError());
      return;
    }
    let results: (CommitResult | Error)[];
    try {
      results = runGroup.immediate(group);
    } catch (e: unknown) {
      const error = toStoreError(e);
      for (const w of group) w.reject(error);
      return;
    }
    group.forEach((w, i) => {
      const r = results[i]!;
      if (r instanceof Error) w.reject(r);
      else w.resolve(r);
    });
  };
  const schedule = (): void => {
    if (scheduled) return;
    scheduled = true;
    setImmediate(flush);
  };
  return (batch) =>
    new Promise<CommitResult>((resolve, reject) => {
      waiting.push({ batch, resolve, reject });
      schedule();
    });
}
