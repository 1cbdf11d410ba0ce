/**
 * The sink's bounded queue: serialized records waiting, and batches already formed (each with
 * its `Idempotency-Key`) waiting for a first try or a retry. When over its bound it drops the
 * oldest records first, batches formed included, but never a batch in flight.
 */
import { randomUUID } from 'node:crypto';

/** A batch: its lines and key, and its retry state. */
export interface Batch {
  lines: string[];
  /** `Idempotency-Key`: random, 39 characters (≤ 200, server-api.md), kept across resends. */
  readonly key: string;
  failures: number;
  /** Not to be sent before this time (epoch ms). */
  atMs: number;
  /** Whether `atMs` is the server's `Retry-After` (a flush waits for it) or our own backoff. */
  serverSaid: boolean;
}

/** See the file comment. */
export interface BatchQueue {
  /** Records waiting, in formed batches and in the queue. */
  readonly size: number;
  /** Queues a line; returns how many of the oldest were dropped to stay within the bound. */
  push(line: string): number;
  /** The next batch to send, formed from the queue if none waits; `undefined` when empty. */
  peek(): Batch | undefined;
  /** Takes the batch `peek()` returned out of the queue (it is in flight). */
  take(): void;
  /** Puts a failed batch back first in line; returns how many records were dropped. */
  putBack(batch: Batch): number;
  /** Puts the two halves of `batch` (new keys: new bodies) first in line. */
  splitFront(batch: Batch): void;
}

/** A new batch of `lines` with a fresh key. */
export function newBatch(lines: string[]): Batch {
  return { lines, key: `fl-${randomUUID()}`, failures: 0, atMs: 0, serverSaid: false };
}

/** Creates a queue holding at most `maxQueue` records, forming batches of `batchSize`. */
export function createBatchQueue(maxQueue: number, batchSize: number): BatchQueue {
  const formed: Batch[] = [];
  const lines: string[] = [];
  const size = (): number => formed.reduce((n, b) => n + b.lines.length, lines.length);
  const trim = (): number => {
    const over = size() - maxQueue;
    let left = over;
    while (left > 0 && formed.length > 0) {
      const head = formed[0]!;
      const cut = Math.min(left, head.lines.length);
      // The rest keeps its key: if the first try was stored, the server answers "duplicate".
      head.lines.splice(0, cut);
      left -= cut;
      if (head.lines.length === 0) formed.shift();
    }
    if (left > 0) lines.splice(0, left);
    return Math.max(0, over);
  };
  return {
    get size() {
      return size();
    },
    push(line) {
      lines.push(line);
      return trim();
    },
    peek() {
      if (formed.length === 0 && lines.length > 0)
        formed.push(newBatch(lines.splice(0, batchSize)));
      return formed[0];
    },
    take() {
      formed.shift();
    },
    putBack(batch) {
      formed.unshift(batch);
      return trim();
    },
    splitFront(batch) {
      const half = Math.ceil(batch.lines.length / 2);
      formed.unshift(newBatch(batch.lines.slice(0, half)), newBatch(batch.lines.slice(half)));
    },
  };
}
