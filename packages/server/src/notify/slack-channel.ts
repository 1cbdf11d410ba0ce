/** The Slack adapter: one incoming-webhook POST per delivery, at most one per second per channel. */
import { httpAttempt } from './http-answer.js';
import type { NotifyChannel } from './notify-channel.js';
import type { NotifyConfigOf } from './notify-config.js';
import { slackMessage } from './slack-message.js';

/** Slack allows about 1 message per second per channel (alerting.md §1, SL3). */
export const SLACK_MIN_GAP_MS = 1000;

/**
 * A Slack channel. The webhook URL is the credential (SL1): it is only ever the request target.
 * @example
 * const slack = slackChannel({ name: 'oncall', kind: 'slack', url, when: {} }, fetch);
 */
export function slackChannel(
  config: NotifyConfigOf<'slack'>,
  fetch: typeof globalThis.fetch,
): NotifyChannel {
  return {
    name: config.name,
    kind: 'slack',
    minGapMs: SLACK_MIN_GAP_MS,
    secrets: [config.url],
    deliveryKey: (_event, key) => key,
    async send(event, ctx) {
      const body = JSON.stringify(slackMessage(event));
      const answer = await httpAttempt(fetch, { method: 'POST', url: config.url, body }, ctx);
      return answer.result;
    },
  };
}
