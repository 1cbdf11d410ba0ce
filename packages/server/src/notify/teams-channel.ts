/** The Microsoft Teams adapter: a Workflows webhook POST carrying an Adaptive Card. */
import { httpAttempt } from './http-answer.js';
import type { NotifyChannel } from './notify-channel.js';
import type { NotifyConfigOf } from './notify-config.js';
import { teamsMessage } from './teams-card.js';

/** Legacy connectors throttled above 4 requests/s (MT2); Workflows publish no limit, so keep to it. */
export const TEAMS_MIN_GAP_MS = 250;

/**
 * A Teams channel. The Workflows URL carries its auth as a `sig=` query parameter (MT3), so the
 * whole URL is a secret. A 2xx means the flow accepted the request, not that the card was posted.
 */
export function teamsChannel(
  config: NotifyConfigOf<'teams'>,
  fetch: typeof globalThis.fetch,
): NotifyChannel {
  return {
    name: config.name,
    kind: 'teams',
    minGapMs: TEAMS_MIN_GAP_MS,
    secrets: [config.url],
    deliveryKey: (_event, key) => key,
    async send(event, ctx) {
      const body = JSON.stringify(teamsMessage(event));
      return (await httpAttempt(fetch, { method: 'POST', url: config.url, body }, ctx)).result;
    },
  };
}
