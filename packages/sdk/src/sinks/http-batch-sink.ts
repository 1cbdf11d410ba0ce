/**
 * A sink that POSTs records as JSON Lines to a Faultline server in batches, per the ingest
 * contract (server-api.md): a bearer token, an `Idempotency-Key` per batch kept across resends,
 * retries with backoff and full jitter that honour `Retry-After`, 413 answered by halving the
 * batch. It never blocks or fails the app: the queue is bounded (the oldest dropped and
 * counted), the timer is unref'd (as OpenTelemetry's PeriodicExportingMetricReader does), each
 * POST has a timeout, every fault goes to `onError`, and `flush`/`shutdown` end by their deadline.
 */
import type { CallRecord } from '@faultline/core';
import { faultReporter } from '../instrument/own-fault.js';
import { nextWaitMs } from './backoff.js';
import { createBatchQueue, type Batch } from './batch-queue.js';
import { delay } from './delay.js';
import { describeRejections } from './ingest-answer.js';
import { IngestError } from './ingest-error.js';
import { ingestHeaders } from './ingest-headers.js';
import { ingestUrl } from './ingest-url.js';
import type { HttpBatchSink, HttpBatchSinkOptions } from './http-batch-sink-options.js';
import { postBatch, type PostBatchOptions, type PostOutcome } from './post-batch.js';
import { redactSecrets } from './redact-secrets.js';

export type { HttpBatchSink, HttpBatchSinkOptions } from './http-batch-sink-options.js';

/**
 * Creates a batching HTTP sink. Throws a `ConfigError` for a bad `url`, `token` or `headers`.
 *
 * @example
 * const sink = createHttpBatchSink({ url: 'http://127.0.0.1:7600', token: process.env.FAULTLINE_TOKEN });
 * const fetch = instrumentFetch({ provider: 'openai', sink });
 * process.on('beforeExit', () => void sink.shutdown());
 */
export function createHttpBatchSink(options: HttpBatchSinkOptions): HttpBatchSink {
  const url = ingestUrl(options.url);
  const { headers, secrets } = ingestHeaders(options.token, options.headers);
  const batchSize = Math.max(1, options.batchSize ?? 500);
  const maxRetries = options.maxRetries ?? 8;
  const flushTimeoutMs = options.flushTimeoutMs ?? 5000;
  const wait = { baseMs: options.retryBackoffMs ?? 1000, maxMs: options.maxBackoffMs ?? 30_000 };
  const random = options.random ?? Math.random;
  const toOnError = faultReporter(options.onError);
  const report = (e: unknown): void => toOnError(redactSecrets(e, secrets));
  const stop = new AbortController();
  const post: PostBatchOptions = {
    url,
    headers,
    fetch: options.fetch ?? globalThis.fetch,
    timeoutMs: options.requestTimeoutMs ?? 10_000,
    compress: options.compress ?? false,
    stop: stop.signal,
  };
  const queue = createBatchQueue(options.maxQueue ?? 10_000, batchSize);
  const count = { sent: 0, dropped: 0, rejected: 0, retries: 0 };
  let sending: Promise<void> | undefined;
  let stopped = false;

  const drop = (batch: Batch, error: IngestError): void => {
    count.dropped += batch.lines.length;
    report(error);
  };
  /** Acts on one POST's outcome; false ends the pass (the server is in trouble). */
  const settle = (batch: Batch, outcome: PostOutcome): boolean => {
    switch (outcome.kind) {
      case 'sent': {
        const n = outcome.rejected.length;
        count.sent += outcome.accepted ?? Math.max(0, batch.lines.length - n);
        count.rejected += n;
        if (n > 0) report(rejectedError(url, batch.lines.length, outcome.rejected));
        return true;
      }
      case 'too-large':
        if (batch.lines.length > 1) queue.splitFront(batch);
        else drop(batch, outcome.error);
        return true;
      case 'refused':
        drop(batch, outcome.error);
        return true;
      case 'retry': {
        report(outcome.error);
        batch.failures++;
        if (batch.failures > maxRetries) {
          drop(batch, gaveUp(batch, outcome.error));
          return false;
        }
        const ms = nextWaitMs(outcome.retryAfterMs, batch.failures, { ...wait, random: random() });
        batch.atMs = Date.now() + ms;
        batch.serverSaid = outcome.retryAfterMs !== undefined;
        count.dropped += queue.putBack(batch);
        return false;
      }
    }
  };
  /** One pass: each batch is tried at most once; a failure ends the pass. */
  const pass = async (force: boolean): Promise<void> => {
    for (;;) {
      const batch = queue.peek();
      if (batch === undefined) return;
      const waitMs = batch.atMs - Date.now();
      if (waitMs > 0 && !force) return;
      if (waitMs > 0 && batch.serverSaid) {
        await delay(waitMs, stop.signal); // the server asked for it; the deadline still holds
        if (stop.signal.aborted) return;
        continue; // the queue may have changed meanwhile
      }
      queue.take(); // out of the queue while in flight: overflow meanwhile drops the right ones
      if (batch.failures > 0) count.retries++;
      if (!settle(batch, await postBatch(batch, post))) return;
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
    get sent() {
      return count.sent;
    },
    get dropped() {
      return count.dropped;
    },
    get rejected() {
      return count.rejected;
    },
    get retries() {
      return count.retries;
    },
    get queued() {
      return queue.size;
    },
    write(record: CallRecord) {
      if (stopped) return;
      try {
        count.dropped += queue.push(JSON.stringify(record));
      } catch (e: unknown) {
        return report(e);
      }
      if (queue.size >= batchSize) void send(false);
    },
    flush: () => flushBy(() => undefined),
    shutdown() {
      stopped = true;
      clearInterval(timer);
      return flushBy(() => stop.abort(new Error('faultline: HTTP batch sink shut down')));
    },
  };
}

function rejectedError(
  url: string,
  records: number,
  rejected: IngestError['rejected'],
): IngestError {
  const message = `POST ${url}: the server rejected ${rejected.length} of ${records} records: ${describeRejections(rejected)}`;
  return new IngestError(message, { outcome: 'rejected', status: 200, records, rejected });
}

function gaveUp(batch: Batch, cause: unknown): IngestError {
  const message = `faultline: dropped ${batch.lines.length} records after ${batch.failures} failed POSTs`;
  return new IngestError(message, { outcome: 'dropped', records: batch.lines.length }, { cause });
}
