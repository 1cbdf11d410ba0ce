/** The PagerDuty adapter: one `trigger` per open or reopen, one `resolve`; updates are not re-triggers. */
import { httpAttempt } from './http-answer.js';
import type { NotifyChannel } from './notify-channel.js';
import type { NotifyConfigOf } from './notify-config.js';
import { resolveEvent, triggerEvent } from './pagerduty-event.js';

/** About 120 events/min per integration key (PagerDuty 05-Rate-Limits): one every 500 ms. */
export const PAGERDUTY_MIN_GAP_MS = 500;

/**
 * A PagerDuty Events v2 channel. The routing key in the body is the credential. A 202 means the
 * event was queued, not that anyone was paged (01-Overview); 400 is not retried, 429/5xx are.
 */
export function pagerdutyChannel(
  config: NotifyConfigOf<'pagerduty'>,
  fetch: typeof globalThis.fetch,
): NotifyChannel {
  return {
    name: config.name,
    kind: 'pagerduty',
    minGapMs: PAGERDUTY_MIN_GAP_MS,
    secrets: [config.routing_key],
    // config.md: material updates go to the other channels, not as re-triggers.
    deliveryKey: (event, key) => (event.kind === 'updated' ? undefined : key),
    async send(event, ctx) {
      const body =
        event.kind === 'resolved'
          ? resolveEvent(config.routing_key, event.incident.id)
          : triggerEvent(config.routing_key, event);
      const req = { method: 'POST', url: config.url, body: JSON.stringify(body) } as const;
      return (await httpAttempt(fetch, req, ctx)).result;
    },
  };
}
