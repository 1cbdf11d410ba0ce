/**
 * The notifier: routes each incident change to the channels whose `when` matches, and hands each
 * delivery to that channel's queue. `handle` returns at once; the engine never waits on a channel.
 */
import type { DeliveryRow, Store } from '../store/port.js';
import { ChannelQueue } from './channel-queue.js';
import { eventClaims } from './claim-key.js';
import { createChannel } from './create-channel.js';
import type { NotifyChannel } from './notify-channel.js';
import type { NotifyConfig, NotifyWhen } from './notify-config.js';
import type { NotifyEvent } from './notify-event.js';
import { DEFAULT_RETRY_POLICY, type RetryPolicy } from './retry-policy.js';
import { matchesWhen } from './route-when.js';

/** Options of {@link createNotifier}. */
export interface NotifierOptions {
  /** `config.notify` (validated, `${ENV}`-expanded). */
  readonly channels: readonly NotifyConfig[];
  /** Claims (exactly once per incident, stage and channel) and the delivery log. */
  readonly store: Pick<Store, 'saveDelivery' | 'claimDelivery'>;
  /** The clock, epoch ms: delivery times and webhook timestamps. Default `Date.now`. */
  readonly now?: () => number;
  /** Default `globalThis.fetch`. */
  readonly fetch?: typeof globalThis.fetch;
  /** Where log lines go; secrets are scrubbed from them. */
  readonly log: (line: string) => void;
  /** Default {@link DEFAULT_RETRY_POLICY}. */
  readonly retry?: Partial<RetryPolicy>;
  /** Each attempt is cut after this (Standard Webhooks: 15–30 s). Default 15,000. */
  readonly attemptTimeoutMs?: number;
  /** Random numbers in [0, 1) for backoff jitter. Default `Math.random`. */
  readonly random?: () => number;
  /** Each delivery-log row as it is written (`/metrics` counts them by channel and outcome). */
  readonly onDelivery?: (row: DeliveryRow) => void;
}

/** The running notifier. */
export interface Notifier {
  /** Routes one incident change; returns at once and never throws. */
  handle(event: NotifyEvent): void;
  /** Resolves once every delivery queued so far has ended (delivered, or failed for good). */
  flush(): Promise<void>;
  /** Cuts waits and attempts short and drops queued deliveries; resolves when the queues stop. */
  close(): Promise<void>;
}

interface Route {
  readonly channel: NotifyChannel;
  readonly when: NotifyWhen;
  readonly queue: ChannelQueue;
}

/**
 * Creates the notifier for the configured channels.
 * @example
 * const notifier = createNotifier({ channels: config.notify, store, log });
 * live.onFeed((entry) => {
 *   const event = notifyEventOfFeed(entry);
 *   if (event !== undefined) notifier.handle(event);
 * });
 */
export function createNotifier(opts: NotifierOptions): Notifier {
  const now = opts.now ?? Date.now;
  const closing = new AbortController();
  const { onDelivery } = opts;
  const store: NotifierOptions['store'] =
    onDelivery === undefined
      ? opts.store
      : {
          claimDelivery: (id, stage, channel) => opts.store.claimDelivery(id, stage, channel),
          saveDelivery: (row) => {
            try {
              onDelivery(row);
            } catch {
              // a counter that throws must not lose the delivery log
            }
            return opts.store.saveDelivery(row);
          },
        };
  const deps = {
    store,
    now,
    log: opts.log,
    policy: { ...DEFAULT_RETRY_POLICY, ...opts.retry },
    random: opts.random ?? Math.random,
    attemptTimeoutMs: opts.attemptTimeoutMs ?? 15_000,
    closing: closing.signal,
  };
  const fetch = opts.fetch ?? globalThis.fetch;
  const routes: Route[] = opts.channels.map((config) => {
    const channel = createChannel(config, fetch);
    return { channel, when: config.when, queue: new ChannelQueue(channel, deps) };
  });
  const flush = async (): Promise<void> => {
    await Promise.all(routes.map((r) => r.queue.idle()));
  };
  return {
    handle(event) {
      try {
        const claims = eventClaims(event, now());
        for (const r of routes) {
          if (!matchesWhen(r.when, event.incident)) continue;
          const key = r.channel.deliveryKey(event, claims.key);
          if (key !== undefined) r.queue.push({ event, key, state: claims.state });
        }
      } catch (e: unknown) {
        opts.log(`notify: event not routed: ${e instanceof Error ? e.name : 'error'}`);
      }
    },
    flush,
    async close() {
      closing.abort();
      await flush();
    },
  };
}
