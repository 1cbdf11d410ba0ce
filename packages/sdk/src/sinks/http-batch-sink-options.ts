/** The options and the surface of the HTTP batch sink. */
import type { RecordSink } from './sink.js';

/** Options of {@link createHttpBatchSink}; only `url` is required. */
export interface HttpBatchSinkOptions {
  /**
   * The Faultline server's base URL (`http://127.0.0.1:7600`, or with a path prefix ending in
   * `/`), to which `v1/records` is appended; or the full URL to POST to (any other path).
   */
  url: string;
  /** An `ingest` token, sent as `Authorization: Bearer <token>`; never shown in a report. */
  token?: string | undefined;
  /** Records per POST (default 500). */
  batchSize?: number;
  /** How often to send what is queued, in ms (default 1000; the timer is unref'd). */
  intervalMs?: number;
  /** Most records kept while the server is unreachable; the oldest are dropped (default 10,000). */
  maxQueue?: number;
  /** Extra request headers; values of names like `*auth*`, `*token*`, `*key*` are redacted too. */
  headers?: Record<string, string>;
  /** The fetch to use (default globalThis.fetch; never an instrumented one). */
  fetch?: typeof globalThis.fetch;
  /** A POST not answered (body included) in this many ms is aborted and retried (default 10,000). */
  requestTimeoutMs?: number;
  /** Retries of a failing batch before it is dropped and counted (default 8). */
  maxRetries?: number;
  /** Ceiling of the first retry's wait, doubled after each failure, full jitter (default 1000). */
  retryBackoffMs?: number;
  /** Longest wait between retries, a server's `Retry-After` included (default 30,000). */
  maxBackoffMs?: number;
  /** `flush()` and `shutdown()` resolve within this many ms, whatever the server does (default 5000). */
  flushTimeoutMs?: number;
  /** Gzip bodies of 1 KiB or more (`Content-Encoding: gzip`; default false). */
  compress?: boolean;
  /** Source of the jitter, a number in [0, 1) (default Math.random); tests pass a fixed one. */
  random?: () => number;
  /** Failed POSTs, dropped batches, rejected lines; default: the `faultline:sdk:error` channel. */
  onError?: (error: unknown) => void;
}

/** A sink that POSTs batches to a Faultline server (server-api.md, `POST /v1/records`). */
export interface HttpBatchSink extends RecordSink {
  /** Records the server acknowledged as stored. */
  readonly sent: number;
  /** Records lost: the queue was full, the server refused their batch, or retries ran out. */
  readonly dropped: number;
  /** Lines the server refused in a 200 answer (its `rejected` list); the rest were stored. */
  readonly rejected: number;
  /** Resends of batches whose earlier try failed. */
  readonly retries: number;
  /** Records waiting to be sent (a batch in flight is not counted). */
  readonly queued: number;
  /**
   * Sends everything queued now, each batch once (a batch waiting out our backoff too; one the
   * server asked to wait with `Retry-After` after that wait); ends by `flushTimeoutMs`.
   */
  flush(): Promise<void>;
  /** Stops the timer and flushes; at the deadline, a POST still in flight is aborted. */
  shutdown(): Promise<void>;
}
