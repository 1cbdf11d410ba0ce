/**
 * One channel's delivery queue: deliveries go out one at a time and in order (a resolve never
 * overtakes its trigger), each claimed in the store first, paced, retried with backoff, and logged.
 */
import { createHash } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import type { DeliveryRow, Store } from '../store/port.js';
import type { NotifyChannel, SendResult } from './notify-channel.js';
import { eventType, type NotifyEvent } from './notify-event.js';
import { redactor } from './redact.js';
import { retryDelayMs, type RetryPolicy } from './retry-policy.js';
import { wait } from './wait.js';

/** A delivery waiting for its turn: the event, its claim key and the material state it announces. */
export interface Job {
  readonly event: NotifyEvent;
  readonly key: string;
  readonly state: string;
}

/** What a queue needs from the notifier. */
export interface QueueDeps {
  readonly store: Pick<Store, 'saveDelivery' | 'claimDelivery'>;
  readonly now: () => number;
  readonly log: (line: string) => void;
  readonly policy: RetryPolicy;
  readonly random: () => number;
  readonly attemptTimeoutMs: number;
  /** Aborted when the notifier closes: waits end, attempts are cut, queued jobs are dropped unclaimed. */
  readonly closing: AbortSignal;
}

/** A delivery's stable id: the same for every attempt and every notifier (`webhook-id`). */
function deliveryId(incidentId: string, key: string, channel: string): string {
  const digest = createHash('sha256').update(`${incidentId}\n${key}\n${channel}`).digest('hex');
  return `msg_${digest.slice(0, 32)}`;
}

/** A serial queue for one channel. */
export class ChannelQueue {
  readonly #jobs: Job[] = [];
  #draining: Promise<void> | undefined;
  #lastAttemptAt = Number.NEGATIVE_INFINITY;
  readonly #scrub: (text: string) => string;

  constructor(
    private readonly channel: NotifyChannel,
    private readonly deps: QueueDeps,
  ) {
    this.#scrub = redactor(channel.secrets);
  }

  /** Queues a delivery; returns at once. After close, drops it (unclaimed). */
  push(job: Job): void {
    if (this.deps.closing.aborted) return;
    this.#jobs.push(job);
    this.#draining ??= this.#drain();
  }

  /** Resolves once every queued delivery has ended. */
  async idle(): Promise<void> {
    while (this.#draining !== undefined) await this.#draining;
  }

  /** Runs until the queue is empty. The last `shift()` and the reset happen in one step, so a job pushed later starts a new drain. */
  async #drain(): Promise<void> {
    try {
      for (let job = this.#jobs.shift(); job !== undefined; job = this.#jobs.shift()) {
        if (this.deps.closing.aborted) continue; // unclaimed: another notifier may still send it
        try {
          await this.#deliver(job);
        } catch (e: unknown) {
          this.#log(job, `not delivered: ${e instanceof Error ? e.name : 'error'}`);
        }
      }
    } finally {
      this.#draining = undefined;
    }
  }

  async #deliver(job: Job): Promise<void> {
    const { store, closing } = this.deps;
    const incidentId = job.event.incident.id;
    const name = this.channel.name;
    const claimed = await store.claimDelivery(incidentId, job.key, name);
    if (job.state !== job.key) await store.claimDelivery(incidentId, job.state, name);
    if (!claimed) return;
    const id = deliveryId(incidentId, job.key, name);
    for (let attempt = 1; ; attempt++) {
      await wait(this.#lastAttemptAt + this.channel.minGapMs - performance.now(), closing);
      this.#lastAttemptAt = performance.now();
      const result = await this.#attempt(job, id, attempt);
      const last = attempt >= this.deps.policy.attempts || closing.aborted;
      if (result.outcome === 'delivered' || result.outcome === 'failed' || last) {
        const outcome = result.outcome === 'delivered' ? 'delivered' : 'failed';
        await this.#record(job, outcome, attempt);
        const why = result.outcome === 'delivered' ? '' : `: ${result.why}`;
        this.#log(job, `${outcome} after ${attempt} attempt(s)${why}`);
        return;
      }
      await this.#record(job, 'retrying', attempt);
      const delay = retryDelayMs(this.deps.policy, attempt, result.retryAfterMs, this.deps.random);
      this.#log(job, `attempt ${attempt}: ${result.why}; retrying in ${delay} ms`);
      await wait(delay, closing);
    }
  }

  async #attempt(job: Job, id: string, attempt: number): Promise<SendResult> {
    const timeout = AbortSignal.timeout(this.deps.attemptTimeoutMs);
    const signal = AbortSignal.any([this.deps.closing, timeout]);
    try {
      return await this.channel.send(job.event, {
        now: this.deps.now,
        signal,
        deliveryId: id,
        attempt,
      });
    } catch (e: unknown) {
      return { outcome: 'retry', why: e instanceof Error ? e.name : 'error' };
    }
  }

  async #record(job: Job, outcome: DeliveryRow['outcome'], attempts: number): Promise<void> {
    const row: DeliveryRow = {
      incidentId: job.event.incident.id,
      channel: this.channel.name,
      kind: this.channel.kind,
      event: eventType(job.event.kind),
      atMs: this.deps.now(),
      outcome,
      attempts,
    };
    try {
      await this.deps.store.saveDelivery(row);
    } catch (e: unknown) {
      this.#log(job, `delivery log not saved: ${e instanceof Error ? e.message : String(e)}`);
    }
  }

  #log(job: Job, what: string): void {
    const c = this.channel;
    const line = `notify ${c.name} (${c.kind}): ${eventType(job.event.kind)} ${job.event.incident.id} ${what}`;
    this.deps.log(this.#scrub(line));
  }
}
