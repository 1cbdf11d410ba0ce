/** What an adapter for one page kind supplies: where its document is and how to parse it. */
import type { ComponentReading } from './status-source.js';

/** The outcome of parsing a fetched document (pure: the same text gives the same readings). */
export type ParseOutcome =
  | {
      readonly ok: true;
      readonly readings: readonly ComponentReading[];
      readonly complete: boolean;
    }
  | { readonly ok: false; readonly detail: string };

/** One page kind's adapter. */
export interface PageFormat {
  /** `json` documents must come as JSON; `feed` documents as RSS or Atom XML. */
  readonly body: 'json' | 'feed';
  /** The document to poll for a configured base URL (see `endpointUnder`). */
  endpoint(baseUrl: string): string;
  /** `nowMs` is only for formats that age items out (feeds). */
  parse(text: string, nowMs: number): ParseOutcome;
}

/**
 * Where a kind's document is for a configured URL. A URL that names a document itself (its last
 * segment has a dot, as in `summary.json`, or its path is under `/api/` or `/proxy/`) is polled as
 * given. Otherwise `path` goes under the URL's own path: `https://status.claude.com` →
 * `/api/v2/summary.json`, and a page served under a prefix (`http://host/status/anthropic`) →
 * `/status/anthropic/api/v2/summary.json`.
 */
export function endpointUnder(baseUrl: string, path: string): string {
  const url = new URL(baseUrl);
  const pathname = url.pathname.replace(/\/+$/, '');
  const last = pathname.split('/').pop() ?? '';
  if (last.includes('.') || /^\/(api|proxy)\//.test(`${pathname}/`)) return url.toString();
  return new URL(`${pathname}${path}`, url.origin).toString();
}
