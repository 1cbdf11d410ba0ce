/** The port every notification adapter implements, declared here by the notifier that drives them. */
import type { NotifyEvent } from './notify-event.js';

/** The kinds of channel (config.md `notify[].kind`). */
export type NotifyKind = 'slack' | 'pagerduty' | 'webhook' | 'statuspage' | 'teams';

/** How one attempt went: delivered, worth another try (after `retryAfterMs` if the receiver said), or not. */
export type SendResult =
  | { readonly outcome: 'delivered'; readonly status: number }
  | {
      readonly outcome: 'retry';
      /** Why, safe to log (an HTTP status or an error code, never a URL or body). */
      readonly why: string;
      /** From `Retry-After` / `retry-after-ms`, when the receiver sent one. */
      readonly retryAfterMs?: number | undefined;
    }
  | { readonly outcome: 'failed'; readonly why: string };

/** What an attempt is given. */
export interface SendContext {
  /** The notifier's clock, epoch ms. */
  readonly now: () => number;
  /** Aborts the attempt (its timeout, or the notifier closing). */
  readonly signal: AbortSignal;
  /** A stable id for this delivery (the same on every retry): Standard Webhooks `webhook-id`. */
  readonly deliveryId: string;
  /** 1 for the first attempt. */
  readonly attempt: number;
}

/** One configured destination. Adapters hold their own secrets and never put them in a result. */
export interface NotifyChannel {
  readonly name: string;
  readonly kind: NotifyKind;
  /** The least time between two deliveries' first attempts (Slack: about 1 message/s per channel). */
  readonly minGapMs: number;
  /** Every secret the adapter holds, so the notifier can scrub them from any text it logs. */
  readonly secrets: readonly string[];
  /**
   * The claim key of the delivery this event makes here, or `undefined` when this kind ignores it
   * (PagerDuty takes no updates; Statuspage only approved text). `defaultKey` is the notifier's.
   */
  deliveryKey(event: NotifyEvent, defaultKey: string | undefined): string | undefined;
  /** Makes one attempt. Never rejects: a transport fault is a `retry` result. */
  send(event: NotifyEvent, ctx: SendContext): Promise<SendResult>;
}
