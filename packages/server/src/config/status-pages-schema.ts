/** The schema of `status_pages`: the provider status pages the service polls. */
import { z } from 'zod';
import { durationField } from './duration-field.js';
import { httpUrl } from './http-url.js';

/** The status page formats a poller can read. */
export const STATUS_PAGE_KINDS = ['statuspage', 'incidentio', 'google-cloud', 'rss'] as const;

const modelList = z
  .array(z.string().min(1, 'must not be empty'))
  .min(1, 'list at least one model, or "*"')
  .describe('Models the component covers; "*" means every model of the provider.');

const statusPageSchema = z.strictObject({
  provider: z
    .string()
    .min(1, 'must not be empty')
    .describe('The provider the page is about, as in call records (`anthropic`).'),
  kind: z
    .enum(STATUS_PAGE_KINDS)
    .describe(
      'The page format: `statuspage` (Atlassian Statuspage v2 JSON), `incidentio`, `google-cloud` or `rss`.',
    ),
  url: httpUrl("The page's base URL; the poller knows its kind's endpoints."),
  every: durationField({
    description: 'How often the page is polled.',
    default: '60s',
    minMs: 100,
    maxMs: 86_400_000,
  }),
  components: z
    .record(z.string().min(1, 'must not be empty'), modelList)
    .prefault({})
    .describe(
      'Page component name → the models it covers. Absent or empty: every component covers every model of the provider.',
    ),
});

/** `status_pages`: polled for what each provider says about itself. */
export const statusPagesSchema = z
  .array(statusPageSchema)
  .prefault([])
  .describe('Provider status pages to poll.');
