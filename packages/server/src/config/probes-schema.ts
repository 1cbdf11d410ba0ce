/** The schema of `probes`: synthetic calls from the server, recorded with source "probe". */
import { z } from 'zod';
import { durationField } from './duration-field.js';
import { goldenSchema } from './golden-schema.js';
import { httpUrl } from './http-url.js';
import { secretString } from './secret-fields.js';

/** The wire APIs a probe or gateway target can speak. */
export const WIRE_APIS = ['anthropic', 'openai', 'gemini'] as const;
/** One of {@link WIRE_APIS}. */
export type WireApi = (typeof WIRE_APIS)[number];

/** The real API of each provider a probe knows without a `base_url`, and the wire API it speaks. */
const KNOWN_APIS: ReadonlyMap<string, { readonly api: WireApi; readonly baseUrl: string }> =
  new Map([
    ['anthropic', { api: 'anthropic', baseUrl: 'https://api.anthropic.com' }],
    ['openai', { api: 'openai', baseUrl: 'https://api.openai.com/v1' }],
    ['google', { api: 'gemini', baseUrl: 'https://generativelanguage.googleapis.com' }],
  ]);

const probeFields = z.strictObject({
  provider: z
    .string()
    .min(1, 'must not be empty')
    .describe('The provider called, as in call records (`anthropic`).'),
  model: z.string().min(1, 'must not be empty').describe('The model called.'),
  api: z
    .enum(WIRE_APIS)
    .optional()
    .describe(
      "The wire API to speak. Default: the provider's own (anthropic, openai; gemini for google), else openai.",
    ),
  base_url: httpUrl(
    "The API's base URL, as its SDK would be given it. Default: the provider's real API (anthropic, openai and google are known); any URL for tests.",
  ).optional(),
  api_key: secretString('The API key the probe sends.').optional(),
  every: durationField({
    description: 'How often the probe calls.',
    default: '30s',
    minMs: 15_000,
    maxMs: 86_400_000,
  }),
  golden: z
    .array(goldenSchema)
    .prefault([])
    .describe(
      'Known-answer canaries asked on each probe; a miss is recorded as checks.golden = false.',
    ),
});

/** One probe, with its wire API and base URL filled in. */
export type ProbeConfig = Omit<z.output<typeof probeFields>, 'api' | 'base_url'> & {
  readonly api: WireApi;
  readonly base_url: string;
};

const probeSchema = probeFields
  .superRefine((p, ctx) => {
    if (p.base_url === undefined && !KNOWN_APIS.has(p.provider))
      ctx.addIssue({
        code: 'custom',
        path: ['base_url'],
        message: `required: no known API for provider ${JSON.stringify(p.provider)}`,
      });
  })
  .transform(({ api, base_url, ...rest }): ProbeConfig => ({
    ...rest,
    api: api ?? KNOWN_APIS.get(rest.provider)?.api ?? 'openai',
    base_url: base_url ?? KNOWN_APIS.get(rest.provider)?.baseUrl ?? '',
  }));

/** `probes`: synthetic calls the server makes on a timer. */
export const probesSchema = z
  .array(probeSchema)
  .prefault([])
  .describe('Synthetic calls from the server, recorded with source "probe".');
