/** Builds the adapter a `notify[]` entry names: one per kind. */
import type { NotifyChannel } from './notify-channel.js';
import type { NotifyConfig } from './notify-config.js';
import { pagerdutyChannel } from './pagerduty-channel.js';
import { slackChannel } from './slack-channel.js';
import { statuspageChannel } from './statuspage-channel.js';
import { teamsChannel } from './teams-channel.js';
import { webhookChannel } from './webhook-channel.js';

/** The adapter for `config`, sending with `fetch`. */
export function createChannel(config: NotifyConfig, fetch: typeof globalThis.fetch): NotifyChannel {
  switch (config.kind) {
    case 'slack':
      return slackChannel(config, fetch);
    case 'pagerduty':
      return pagerdutyChannel(config, fetch);
    case 'teams':
      return teamsChannel(config, fetch);
    case 'webhook':
      return webhookChannel(config, fetch);
    case 'statuspage':
      return statuspageChannel(config, fetch);
  }
}
