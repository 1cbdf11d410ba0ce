/** The `StatusSource` for one configured page: its kind's endpoint, fetched and parsed. */
import { googleCloudFormat } from './formats/google-cloud.js';
import { incidentioFormat } from './formats/incidentio.js';
import { rssFormat } from './formats/rss.js';
import { statuspageFormat } from './formats/statuspage.js';
import { fetchPage } from './fetch-page.js';
import type { PageFormat } from './page-format.js';
import type { StatusPageEntry, StatusSource } from './status-source.js';

const FORMATS: Readonly<Record<StatusPageEntry['kind'], PageFormat>> = {
  statuspage: statuspageFormat,
  incidentio: incidentioFormat,
  'google-cloud': googleCloudFormat,
  rss: rssFormat,
};

/** Defaults: a 10 s deadline (status-pages.md §5) and a 2 MiB body limit. */
export const SOURCE_DEFAULTS = {
  timeoutMs: 10_000,
  maxBodyBytes: 2 * 1024 * 1024,
  userAgent: 'faultline-status-poller/0.1',
} as const;

/** How to build a source. */
export interface StatusSourceOptions {
  readonly entry: Pick<StatusPageEntry, 'kind' | 'url'>;
  readonly fetch: typeof globalThis.fetch;
  /** Epoch ms now (feeds age out stale items). */
  readonly now: () => number;
  readonly timeoutMs?: number;
  readonly maxBodyBytes?: number;
  readonly userAgent?: string;
}

/**
 * The source for one `status_pages` entry.
 * @example
 * const source = createStatusSource({ entry: { kind: 'statuspage', url: 'https://status.claude.com' }, fetch, now: Date.now });
 * const result = await source.read({});
 */
export function createStatusSource(o: StatusSourceOptions): StatusSource {
  const format = FORMATS[o.entry.kind];
  const endpoint = format.endpoint(o.entry.url);
  return {
    endpoint,
    async read(validators, signal) {
      const got = await fetchPage({
        fetch: o.fetch,
        url: endpoint,
        body: format.body,
        validators,
        signal,
        timeoutMs: o.timeoutMs ?? SOURCE_DEFAULTS.timeoutMs,
        maxBytes: o.maxBodyBytes ?? SOURCE_DEFAULTS.maxBodyBytes,
        userAgent: o.userAgent ?? SOURCE_DEFAULTS.userAgent,
      });
      if (got.kind !== 'document') return got;
      if (format.body === 'json' && !isJson(got.text))
        return { kind: 'unknown', reason: 'not_json', detail: 'the body is not valid JSON' };
      const parsed = format.parse(got.text, o.now());
      if (!parsed.ok) return { kind: 'unknown', reason: 'schema', detail: parsed.detail };
      return {
        kind: 'read',
        readings: parsed.readings,
        complete: parsed.complete,
        validators: got.validators,
        bytes: got.bytes,
      };
    },
  };
}

function isJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}
