// The memory adapter's event feed: entries with strictly increasing ids, kept for SSE resume.
import type { FeedEntry, Store } from '../port.js';

type FeedPart = Pick<Store, 'appendFeed' | 'feedAfter' | 'feedBetween' | 'deleteFeedBefore'>;

/** The feed plus a synchronous `append`, so an incident change can add its entry in one step. */
export interface MemoryFeed extends FeedPart {
  append(entry: Omit<FeedEntry, 'id'>): number;
}

/** Creates an empty feed whose first entry gets id 1. */
export function memoryFeed(): MemoryFeed {
  const entries: FeedEntry[] = [];
  let nextId = 1;
  const append = (entry: Omit<FeedEntry, 'id'>): number => {
    const id = nextId++;
    entries.push({ id, type: entry.type, atMs: entry.atMs, data: entry.data });
    return id;
  };
  return {
    append,
    appendFeed: (entry) => Promise.resolve(append(entry)),
    feedAfter(afterId, limit) {
      return Promise.resolve(entries.filter((e) => e.id > afterId).slice(0, Math.max(0, limit)));
    },
    feedBetween(fromMs, toMs, type, limit) {
      const found = entries.filter((e) => e.type === type && e.atMs >= fromMs && e.atMs < toMs);
      found.sort((a, b) => a.atMs - b.atMs || a.id - b.id);
      return Promise.resolve(found.slice(0, Math.max(0, limit)));
    },
    deleteFeedBefore(beforeMs) {
      const before = entries.length;
      const kept = entries.filter((e) => e.atMs >= beforeMs);
      entries.length = 0;
      for (const e of kept) entries.push(e);
      return Promise.resolve(before - kept.length);
    },
  };
}
