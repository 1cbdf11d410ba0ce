/** The schema of `notify`: the channels incidents go to, one shape per kind. */
import { z } from 'zod';
import { httpUrl } from './http-url.js';
import { notifyWhenSchema } from './notify-when-schema.js';
import { secretHttpUrl, secretString, webhookSecret } from './secret-fields.js';
import { checkUnique } from './unique-names.js';

/** The kinds of notify channel. */
export const NOTIFY_KINDS = ['slack', 'pagerduty', 'webhook', 'statuspage', 'teams'] as const;

/** PagerDuty Events API v2 (developer.pagerduty.com/docs/events-api-v2/trigger-events). */
const PAGERDUTY_EVENTS_URL = 'https://events.pagerduty.com/v2/enqueue';

const common = {
  name: z
    .string()
    .min(1, 'must not be empty')
    .describe("The channel's name, shown with its deliveries."),
  when: notifyWhenSchema,
};

const channelSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    ...common,
    kind: z.literal('slack').describe('A Slack incoming webhook.'),
    url: secretHttpUrl('The Slack incoming-webhook URL.'),
  }),
  z.strictObject({
    ...common,
    kind: z
      .literal('pagerduty')
      .describe(
        'PagerDuty Events v2: `trigger` when an incident opens or reopens, `resolve` when it resolves; dedup_key = incident id.',
      ),
    routing_key: secretString("The integration's routing key."),
    url: httpUrl('The Events API endpoint (overridable for tests).').prefault(PAGERDUTY_EVENTS_URL),
  }),
  z.strictObject({
    ...common,
    kind: z
      .literal('webhook')
      .describe(
        'A JSON POST per incident change: {"type": "incident.opened|updated|resolved|reopened", "timestamp", "data"}.',
      ),
    url: httpUrl('Where the events are POSTed.'),
    secret: webhookSecret(
      'Standard Webhooks signing secret: `whsec_<base64>` (a `whsec_` with no key or with bad base64 is refused), or a plain string used as the key bytes. Absent: unsigned.',
    ).optional(),
  }),
  z.strictObject({
    ...common,
    kind: z
      .literal('statuspage')
      .describe('An Atlassian Statuspage page: incidents are posted to it.'),
    url: httpUrl("The page's API URL: `https://api.statuspage.io/v1/pages/<page id>`."),
    api_key: secretString('The Statuspage API key.'),
  }),
  z.strictObject({
    ...common,
    kind: z.literal('teams').describe('A Microsoft Teams incoming webhook (workflow URL).'),
    url: secretHttpUrl('The Teams webhook URL.'),
  }),
]);

/** `notify`: where incidents go. */
export const notifySchema = z
  .array(channelSchema)
  .superRefine((channels, ctx) => checkUnique(channels, 'name', ctx))
  .prefault([])
  .describe('Where incidents go; each channel has a unique name.');
