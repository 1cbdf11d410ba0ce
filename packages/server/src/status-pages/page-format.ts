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
  /** The document to poll for a configured base URL (a URL with a path is taken as is). */
  endpoint(baseUrl: string): string;
  /** `nowMs` is only for formats that age items out (feeds). */
  parse(text: string, nowMs: number): ParseOutcome;
}

/** The configured URL when it names a document, else `path` under its origin. */
export function endpointUnder(baseUrl: string, path: string): string {
  const url = new URL(baseUrl);
  if (url.pathname !== '/' && url.pathname !== '') return url.toString();
  return new URL(path, url.origin).toString();
}
