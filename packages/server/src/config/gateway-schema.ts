/** The schema of `gateway`: the optional reverse proxy, its targets and routes. */
import { z } from 'zod';
import { checkRoutes, routeSchema } from './gateway-routes-schema.js';
import { httpUrl } from './http-url.js';
import { listenField } from './listen-field.js';
import { WIRE_APIS } from './probes-schema.js';
import { secretString } from './secret-fields.js';
import { secret } from './secret.js';
import { checkUnique } from './unique-names.js';

const targetSchema = z.strictObject({
  name: z
    .string()
    .min(1, 'must not be empty')
    .describe("The target's name: routes list it; answers carry it in `x-faultline-target`."),
  api: z.enum(WIRE_APIS).describe('The wire API the target speaks.'),
  provider: z
    .string()
    .min(1, 'must not be empty')
    .describe('The provider, as in call records (`anthropic`).'),
  base_url: httpUrl(
    'Exactly what its SDK would be given: https://api.openai.com/v1 for OpenAI, https://api.anthropic.com for Anthropic.',
  ),
  api_key: secret(
    z
      .string()
      .min(1, 'must not be empty')
      .nullable()
      .prefault(null)
      .describe("The key sent to the target. null: the client's own key passes through."),
  ),
});

const recordsSchema = z
  .strictObject({
    url: httpUrl('The ingest endpoint: http://127.0.0.1:7600/v1/records.'),
    token: secretString('An ingest token for it.'),
  })
  .optional()
  .describe(
    'Where a stand-alone `faultline gateway` sends its records; inside serve they go to its store.',
  );

/** `gateway`: null when there is none. */
export const gatewaySchema = z
  .strictObject({
    listen: listenField('127.0.0.1:7601', 'host:port the gateway listens on.'),
    records: recordsSchema,
    targets: z
      .array(targetSchema)
      .min(1, 'list at least one target')
      .describe('The upstream APIs, each with a unique name.'),
    routes: z
      .array(routeSchema)
      .min(1, 'list at least one route')
      .describe('Path prefixes and the targets they go to.'),
  })
  .superRefine((g, ctx) => {
    checkUnique(g.targets, 'name', ctx, { at: ['targets'] });
    checkRoutes(g.routes, new Set(g.targets.map((t) => t.name)), ctx);
  })
  .nullable()
  .prefault(null)
  .describe('The optional reverse proxy: apps swap their base URL to it. null: no gateway.');
