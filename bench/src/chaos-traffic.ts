/**
 * The chaos run's clients: `clients` SDK HTTP batch sinks (the real `createHttpBatchSink`, with
 * its Idempotency-Key per batch and its resends on 503 and network errors) behind the balancing
 * fetch, fed records at a set rate with the current time, in turn.
 */
import { createHttpBatchSink, type HttpBatchSink } from '@faultline/sdk';
import type { AckLog } from './chaos-acks.js';
import { balancedFetch } from './chaos-balancer.js';
import { chaosRecord, type FaultWindow } from './chaos-records.js';

export interface TrafficOptions {
  readonly replicaUrls: readonly string[];
  readonly token: string;
  readonly clients: number;
  readonly fault: FaultWindow;
  readonly acks: AckLog;
}

export class Traffic {
  private readonly sinks: HttpBatchSink[];
  private timer: ReturnType<typeof setInterval> | undefined;
  private rate = 0;
  private sinceMs = 0;
  private sent = 0;
  private turn = 0;
  /** Errors the sinks reported, by message prefix (resends are normal under chaos). */
  readonly sinkErrors = new Map<string, number>();

  constructor(private readonly o: TrafficOptions) {
    this.sinks = Array.from({ length: o.clients }, () =>
      createHttpBatchSink({
        url: o.replicaUrls[0]!,
        token: o.token,
        fetch: balancedFetch(o.replicaUrls, o.acks),
        batchSize: 500,
        intervalMs: 250,
        maxQueue: 200_000,
        maxRetries: 50,
        retryBackoffMs: 250,
        maxBackoffMs: 5_000,
        requestTimeoutMs: 10_000,
        flushTimeoutMs: 60_000,
        onError: (e) => this.noteError(e),
      }),
    );
  }

  private noteError(e: unknown): void {
    const text = (e instanceof Error ? e.message : String(e)).slice(0, 60);
    this.sinkErrors.set(text, (this.sinkErrors.get(text) ?? 0) + 1);
  }

  /** Sends `recordsPerSec` from now on (0 pauses). */
  setRate(recordsPerSec: number): void {
    this.rate = recordsPerSec;
    this.sinceMs = Date.now();
    this.sent = 0;
    this.timer ??= setInterval(() => this.tick(), 20);
  }

  private tick(): void {
    const due = Math.floor((this.rate * (Date.now() - this.sinceMs)) / 1000) - this.sent;
    const nowMs = Date.now();
    for (let i = 0; i < due; i++) {
      const client = this.turn++ % this.o.clients;
      const n = this.o.acks.generated[client]!++;
      this.sinks[client]!.write(chaosRecord(client, n, nowMs, this.o.fault));
    }
    this.sent += Math.max(0, due);
  }

  /** Records still queued in the sinks. */
  get queued(): number {
    return this.sinks.reduce((n, s) => n + s.queued, 0);
  }

  /** Records the sinks dropped (queue overflow or retries spent): never acknowledged. */
  get dropped(): number {
    return this.sinks.reduce((n, s) => n + s.dropped, 0);
  }

  /** Stops generating and sends what is queued (each sink within its flush deadline). */
  async stop(): Promise<void> {
    clearInterval(this.timer);
    await Promise.all(this.sinks.map((s) => s.shutdown()));
  }
}
