/** The schema of the whole configuration file (spec/config.md): one place for types, checks and docs. */
import { z } from 'zod';
import { breakerSchema } from './breaker-schema.js';
import { durationField } from './duration-field.js';
import { gatewaySchema } from './gateway-schema.js';
import { formatListen, listenField } from './listen-field.js';
import { notifySchema } from './notify-schema.js';
import { probesSchema } from './probes-schema.js';
import { statusPageSchema } from './status-page-schema.js';
import { statusPagesSchema } from './status-pages-schema.js';
import { storeField } from './store-field.js';
import { metricsSchema, tokensSchema } from './tokens-schema.js';

/** Ten years: far beyond any retention anyone means, small enough to stay exact. */
const MAX_RETENTION_MS = 3650 * 86_400_000;

/**
 * `faultline.yaml`. Every object is strict: an unknown key is a problem naming its path.
 * Defaults are applied as the file is read, so the parsed config has every key.
 */
export const configSchema = z
  .strictObject({
    listen: listenField('127.0.0.1:7600', 'host:port of the API, dashboard and status page.'),
    store: storeField(
      './faultline.db',
      'Where data is kept: a path (SQLite, relative to the working directory) or postgres://user:pass@host:5432/db (write the password as "${NAME}").',
    ),
    retention: z
      .strictObject({
        records: durationField({
          description: 'Raw records older than this are deleted.',
          default: '7d',
          minMs: 60_000,
          maxMs: MAX_RETENTION_MS,
        }),
        rollups: durationField({
          description:
            'Per-minute rollups (calls, failures per layer, latency buckets per provider and model; the history behind GET /v1/history) older than this are deleted.',
          default: '90d',
          minMs: 60_000,
          maxMs: MAX_RETENTION_MS,
        }),
      })
      .prefault({})
      .describe('How long data is kept.'),
    tokens: tokensSchema,
    metrics: metricsSchema,
    status_pages: statusPagesSchema,
    probes: probesSchema,
    notify: notifySchema,
    gateway: gatewaySchema,
    status_page: statusPageSchema,
    breaker: breakerSchema,
  })
  .superRefine((c, ctx) => {
    const a = c.listen;
    const g = c.gateway?.listen;
    if (g !== undefined && a.port !== 0 && g.port === a.port && g.host === a.host)
      ctx.addIssue({
        code: 'custom',
        path: ['gateway', 'listen'],
        message: `same address as listen (${formatListen(a)})`,
      });
  })
  .describe('The configuration file, faultline.yaml (YAML or JSON).');

/** The configuration as the service uses it: every default applied, durations in milliseconds. */
export type FaultlineConfig = z.output<typeof configSchema>;

/** The configuration as written in the file. */
export type ConfigFile = z.input<typeof configSchema>;
