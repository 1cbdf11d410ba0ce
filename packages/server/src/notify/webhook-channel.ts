/** The generic webhook adapter: the incident as JSON, signed per Standard Webhooks when a secret is set. */
import { formatTimestamp } from '@faultline/core';
import { httpAttempt } from './http-answer.js';
import type { NotifyChannel } from './notify-channel.js';
import type { NotifyConfigOf } from './notify-config.js';
import { eventType, type NotifyEvent } from './notify-event.js';
import { signingKey, webhookHeaders } from './webhook-signature.js';

/** The body config.md specifies: `{"type": "incident.<kind>", "timestamp", "data": <incident>}`. */
export function webhookBody(event: NotifyEvent, nowMs: number): string {
  return JSON.stringify({
    type: eventType(event.kind),
    timestamp: formatTimestamp(event.atMs ?? nowMs),
    data: event.incident,
  });
}

/**
 * A webhook channel. `webhook-id` is the same on every retry of a delivery, so receivers can use it
 * as an idempotency key (SW); the timestamp and signature are made fresh for each attempt, so a
 * late retry is not refused by the receiver's tolerance window.
 */
export function webhookChannel(
  config: NotifyConfigOf<'webhook'>,
  fetch: typeof globalThis.fetch,
): NotifyChannel {
  const key = config.secret === undefined ? undefined : signingKey(config.secret);
  return {
    name: config.name,
    kind: 'webhook',
    minGapMs: 0,
    secrets: config.secret === undefined ? [] : [config.secret],
    deliveryKey: (_event, claim) => claim,
    async send(event, ctx) {
      const body = webhookBody(event, ctx.now());
      const headers = webhookHeaders(key, ctx.deliveryId, Math.floor(ctx.now() / 1000), body);
      return (await httpAttempt(fetch, { method: 'POST', url: config.url, headers, body }, ctx))
        .result;
    },
  };
}
