/**
 * A sink that POSTs records as JSON Lines to a URL in batches. The queue is bounded: when full,
 * the oldest records are dropped and counted. It never blocks or fails the app: its timer is
 * unref'd (as OpenTelemetry's PeriodicExportingMetricReader does), each POST has a timeout, a
 * failed batch is retried a bounded number of times with exponential backoff, and `flush` and
 * `shutdown` end by their deadline even when the server never answers.
 */
import type { CallRecord } from '@faultline/core';
import { faultReporter } from '../instrument/own-fault.js';
import { backoffMs, postBatch, type PostBatchOptions } from './post-batch.js';
import type { RecordSink } from './sink.js';

export interface HttpBatchSinkOptions {
  /** Where to POST, e.g. http://127.0.0.1:7070/v1/records. */
  url: string;
  /** Records per POST (default 500). */
  batchSize?: number;
  /** How often to send what is queued, in ms (default 1000). */
  intervalMs?: number;
  /** Most records kept while the server is unreachable (default 10,000). */
  maxQueue?: number;
  /** Extra request headers (e.g. an ingest token). */
  headers?: Record<string, string>;
  /** The fetch to use (default globalThis.fetch; never an instrumented one). */
  fetch?: typeof globalThis.fetch;
  /** A POST without an answer (headers) in this many ms is aborted and retried (default 10,000). */
  requestTimeoutMs?: number;
  /** Retries of a failed batch before it is dropped and counted (default 8). */
  maxRetries?: number;
  /** Wait before the first retry, doubled after each failure, with jitter (default 1000). */
  retryBackoffMs?: number;
  /** Longest wait between retries (default 30,000). */
  maxBackoffMs?: number;
  /** `flush()` and `shutdown()` resolve within this many ms, whatever the server does (default 5000). */
  flushTimeoutMs?: number;
  /** Failed POSTs and dropped batches; default: the `faultline:sdk:error` diagnostics channel. */
  onError?: (error: unknown) => void;
}

export interface HttpBatchSink extends RecordSink {
  /** Records dropped: the queue was full, or their batch failed more than `maxRetries` times. */
  readonly dropped: number;
  /** Records waiting to be sent. */
  readonly queued: number;
  /** Sends everything queued now (a batch waiting out its backoff too); ends by `flushTimeoutMs`. */
  flush(): Promise<void>;
  /** Stops the timer and flushes; at the deadline, a POST still in flight is aborted. */
  shutdown(): Promise<void>;
}

/** A batch that failed at least once, waiting for its next try. */
interface Retry {
  lines: string[];
  failures: number;
  atMs: number;
}

/** Creates a batching HTTP sink. */
export function createHttpBatchSink(options: HttpBatchSinkOptions): HttpBatchSink {
  const batchSize = options.batchSize ?? 500;
  const maxQueue = options.maxQueue ?? 10_000;
  const maxRetries = options.maxRetries ?? 8;
  const flushTimeoutMs = options.flushTimeoutMs ?? 5000;
  const report = faultReporter(options.onError);
  const stop = new AbortController();
  const post: PostBatchOptions = {
    url: options.url,
    headers: options.headers,
    fetch: options.fetch ?? globalThis.fetch,
    timeoutMs: options.requestTimeoutMs ?? 10_000,
    stop: stop.signal,
  };
  const queue: string[] = [];
  let retry: Retry | undefined;
  let dropped = 0;
  let sending: Promise<void> | undefined;
  let stopped = false;

  const trim = (): void => {
    let over = queue.length + (retry?.lines.length ?? 0) - maxQueue;
    if (over <= 0) return;
    dropped += over;
    if (retry !== undefined) {
      const fromRetry = Math.min(over, retry.lines.length);
      retry.lines.splice(0, fromRetry);
      over -= fromRetry;
      if (retry.lines.length === 0) retry = undefined;
    }
    queue.splice(0, over);
  };

  /** One pass: each batch is tried at most once; a failure ends the pass. */
  const pass = async (force: boolean): Promise<void> => {
    for (;;) {
      if (retry !== undefined && !force && Date.now() < retry.atMs) return;
      const batch: Retry = retry ?? { lines: queue.splice(0, batchSize), failures: 0, atMs: 0 };
      // Out of the queue while in flight, so writes that overflow it meanwhile drop the right ones.
      retry = undefined;
      if (batch.lines.length === 0) return;
      const outcome = await postBatch(batch.lines.join('\n') + '\n', post);
      if (outcome.kind === 'sent') continue;
      report(outcome.error);
      batch.failures++;
      if (outcome.kind === 'refused' || batch.failures > maxRetries) {
        dropped += batch.lines.length;
        report(
          new Error(
            `faultline: dropped ${batch.lines.length} records after ${batch.failures} failed POSTs`,
          ),
        );
        return;
      }
      const wait = backoffMs(
        batch.failures,
        options.retryBackoffMs ?? 1000,
        options.maxBackoffMs ?? 30_000,
        Math.random(),
      );
      retry = { lines: batch.lines, failures: batch.failures, atMs: Date.now() + wait };
      trim();
      return;
    }
  };
  const send = (force: boolean): Promise<void> => {
    sending ??= pass(force)
      .catch(report)
      .finally(() => (sending = undefined));
    return sending;
  };
  /** `send(true)` once any pass in flight has ended, but no later than the deadline. */
  const flushBy = (onDeadline: () => void): Promise<void> => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const deadline = new Promise<void>((resolve) => {
      timer = setTimeout(() => {
        onDeadline();
        resolve();
      }, flushTimeoutMs);
      timer.unref();
    });
    const work = (sending ?? Promise.resolve()).then(() => send(true));
    return Promise.race([work, deadline]).finally(() => clearTimeout(timer));
  };
  const timer = setInterval(() => void send(false), options.intervalMs ?? 1000);
  timer.unref();

  return {
    get dropped() {
      return dropped;
    },
    get queued() {
      return queue.length + (retry?.lines.length ?? 0);
    },
    write(record: CallRecord) {
      if (stopped) return;
      try {
        queue.push(JSON.stringify(record));
      } catch (e: unknown) {
        return report(e);
      }
      trim();
      if (queue.length >= batchSize) void send(false);
    },
    flush: () => flushBy(() => undefined),
    shutdown() {
      stopped = true;
      clearInterval(timer);
      return flushBy(() => stop.abort(new Error('faultline: HTTP batch sink shut down')));
    },
  };
}
