// Shared by the adapter tests: one page server per file, and a read of one document through a source.
import { afterAll, beforeAll } from 'vitest';
import {
  createStatusSource,
  type SourceResult,
  type StatusPageEntry,
} from '../../src/status-pages/index.js';
import { startPageServer, type PageServer } from './page-server.js';

export const NOW = Date.parse('2026-10-14T15:00:00Z');
export const JSON_TYPE = 'application/json; charset=utf-8';

/** Starts a page server for the file; `read` serves `body` at `path` and reads it once. */
export function usePageServer() {
  let page: PageServer | undefined;
  beforeAll(async () => {
    page = await startPageServer();
  });
  afterAll(() => page?.close());
  const server = (): PageServer => {
    if (page === undefined) throw new Error('page server not started');
    return page;
  };
  return {
    url: () => server().url,
    read: async (
      kind: StatusPageEntry['kind'],
      path: string,
      body: string,
      type = JSON_TYPE,
      url?: string,
    ): Promise<SourceResult> => {
      server().set(path, { body, type });
      const source = createStatusSource({
        entry: { kind, url: url ?? server().url },
        fetch,
        now: () => NOW,
      });
      return source.read({});
    },
  };
}

/** The readings of a successful read; throws (failing the test) on anything else. */
export function readings(r: SourceResult) {
  if (r.kind !== 'read') throw new Error(`expected a read, got ${JSON.stringify(r)}`);
  return r.readings;
}

/** A fixture's JSON, edited. */
export const edit = (text: string, fn: (doc: Record<string, unknown>) => void): string => {
  const doc = JSON.parse(text) as Record<string, unknown>;
  fn(doc);
  return JSON.stringify(doc);
};
