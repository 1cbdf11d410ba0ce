/**
 * A sink that POSTs records as JSON Lines to a URL in batches. The queue is bounded: when full,
 * the oldest records are dropped and counted. It never blocks or fails the app; its timer is
 * unref'd (as OpenTelemetry's PeriodicExportingMetricReader does) and a failed POST is retried.
 */
import type { CallRecord } from '@faultline/core';
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
  onError?: (error: unknown) => void;
}

export interface HttpBatchSink extends RecordSink {
  /** Records dropped because the queue was full. */
  readonly dropped: number;
  /** Records waiting to be sent. */
  readonly queued: number;
  /** Sends everything queued now. */
  flush(): Promise<void>;
  /** Flushes and stops the timer. */
  shutdown(): Promise<void>;
}

/** Creates a batching HTTP sink. */
export function createHttpBatchSink(options: HttpBatchSinkOptions): HttpBatchSink {
  const batchSize = options.batchSize ?? 500;
  const maxQueue = options.maxQueue ?? 10_000;
  const doFetch = options.fetch ?? globalThis.fetch;
  const onError = options.onError ?? (() => undefined);
  let queue: string[] = [];
  let dropped = 0;
  let sending: Promise<void> | undefined;
  let stopped = false;

  const sendOnce = async (): Promise<void> => {
    while (queue.length > 0) {
      // Taken out while in flight, so writes that overflow the queue meanwhile drop the right ones.
      const batch = queue.splice(0, batchSize);
      try {
        const res = await doFetch(options.url, {
          method: 'POST',
          headers: { 'content-type': 'application/x-ndjson', ...options.headers },
          body: batch.join('\n') + '\n',
        });
        await res.body?.cancel();
        if (!res.ok) throw new Error(`POST ${options.url}: HTTP ${res.status}`);
      } catch (e: unknown) {
        onError(e);
        queue = batch.concat(queue); // keep the batch; the next tick tries again
        trim();
        return;
      }
    }
  };
  const trim = (): void => {
    if (queue.length <= maxQueue) return;
    const over = queue.length - maxQueue;
    queue.splice(0, over);
    dropped += over;
  };
  const flush = (): Promise<void> => {
    sending ??= sendOnce().finally(() => (sending = undefined));
    return sending;
  };
  const timer = setInterval(() => void flush(), options.intervalMs ?? 1000);
  timer.unref();

  return {
    get dropped() {
      return dropped;
    },
    get queued() {
      return queue.length;
    },
    write(record: CallRecord) {
      if (stopped) return;
      queue.push(JSON.stringify(record));
      trim();
      if (queue.length >= batchSize) void flush();
    },
    flush,
    async shutdown() {
      stopped = true;
      clearInterval(timer);
      await flush();
    },
  };
}
