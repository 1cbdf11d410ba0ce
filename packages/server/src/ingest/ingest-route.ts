/** `POST /v1/records` (server-api.md): judge each line, commit the good ones, then answer. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { DEFAULT_LINGER, refuse, type LingerLimits, type Route } from '../http/index.js';
import type { Store, StoredRecord } from '../store/port.js';
import { commitBatch, type CommitDeps } from './commit-batch.js';
import { NO_OBSERVER, type IngestObserver } from './ingest-observer.js';
import { readIngestHeaders } from './ingest-headers.js';
import { parseJsonBody } from './parse-json.js';
import { parseLines } from './parse-lines.js';
import { readBody } from './read-body.js';
import { RowCollector } from './row-collector.js';

export interface IngestLimits {
  /** The largest body, after decompression. Default 10 MiB (server-api.md). */
  readonly maxBodyBytes?: number;
  /** Rejections listed in one answer (the rest counted in `rejected_total`). Default 1,000. */
  readonly maxReportedRejections?: number;
  /** Seconds of `Retry-After` on a 503. Default 1. */
  readonly retryAfterS?: number;
  /** What is drained of a refused body (default 1 MiB, 2 s). */
  readonly linger?: LingerLimits;
}

export interface IngestRouteOptions {
  readonly store: Pick<Store, 'commitRecords'>;
  readonly limits?: IngestLimits;
  /** Called after each commit, before the answer, with the committed records and their seqs. */
  readonly onCommitted?: (records: readonly StoredRecord[]) => void;
  readonly observer?: IngestObserver;
  readonly now?: () => number;
}

/**
 * Creates the ingest route (role `ingest`). The answer is sent only after `commitRecords`
 * resolved; a batch commits whole (its good records) or not at all.
 *
 * @example
 * const ingest = createIngestRoute({ store, onCommitted: (records) => live.feed(records) });
 * const http = createHttpServer({ routes: [ingest], auth });
 */
export function createIngestRoute(opts: IngestRouteOptions): Route {
  const maxBytes = opts.limits?.maxBodyBytes ?? 10 * 1024 * 1024;
  const maxReported = opts.limits?.maxReportedRejections ?? 1000;
  const linger = opts.limits?.linger ?? DEFAULT_LINGER;
  const deps: CommitDeps = {
    store: opts.store,
    observer: opts.observer ?? NO_OBSERVER,
    onCommitted: opts.onCommitted,
    retryAfterS: opts.limits?.retryAfterS ?? 1,
    now: opts.now ?? Date.now,
  };
  /** Keys whose first request is still being handled in this process. */
  const inFlight = new Set<string>();

  async function ingest(req: IncomingMessage, res: ServerResponse, caller: string): Promise<void> {
    const asked = readIngestHeaders(req.headers);
    if (asked.kind === 'refused') {
      refuse(req, res, asked.status, asked.code, asked.message, undefined, linger);
      return;
    }
    // Keys are the caller's own: another token's key of the same text is another batch.
    // Length-prefixed, so no caller name can forge another's key (and no NUL: PostgreSQL text).
    const key = asked.key === undefined ? undefined : `${caller.length}:${caller}:${asked.key}`;
    if (key !== undefined && inFlight.has(key)) {
      const why = 'A request with this Idempotency-Key is still being handled.';
      refuse(req, res, 409, 'conflict', why, { 'retry-after': '1' }, linger);
      return;
    }
    if (key !== undefined) inFlight.add(key);
    try {
      const read = await readBody(req, asked.encoding, maxBytes);
      if (read.kind === 'aborted') return;
      if (read.kind === 'too_large') {
        const why = `The body is over the limit of ${maxBytes} bytes (after decompression).`;
        refuse(req, res, 413, 'payload_too_large', why, undefined, linger);
        return;
      }
      if (read.kind === 'unreadable') {
        const why = `The gzip body is broken: ${read.message}.`;
        refuse(req, res, 400, 'bad_request', why, undefined, linger);
        return;
      }
      const rows = new RowCollector(maxReported, deps.now() + RowCollector.MAX_AHEAD_MS);
      const unreadable =
        asked.format === 'lines' ? parseLines(read.body, rows) : parseJsonBody(read.body, rows);
      if (unreadable !== undefined) {
        refuse(req, res, 400, 'bad_request', unreadable, undefined, linger);
        return;
      }
      await commitBatch(deps, res, rows, key);
    } finally {
      if (key !== undefined) inFlight.delete(key);
    }
  }

  return {
    method: 'POST',
    path: '/v1/records',
    access: 'ingest',
    handle: ({ req, res, principal }) => ingest(req, res, principal?.name ?? ''),
  };
}
