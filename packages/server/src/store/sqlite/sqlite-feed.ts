// The SQLite adapter's event feed: AUTOINCREMENT ids, so an id is never reused after deletes.
import type { Database } from 'better-sqlite3';
import type { FeedEntry } from '../port.js';

/** The feed part of the port, synchronous. */
export interface SqliteFeed {
  appendFeed(this: void, entry: Omit<FeedEntry, 'id'>): number;
  feedAfter(this: void, afterId: number, limit: number): FeedEntry[];
  feedBetween(this: void, fromMs: number, toMs: number, type: string, limit: number): FeedEntry[];
  deleteFeedBefore(this: void, beforeMs: number): number;
}

/** Prepares the feed statements on `db`. */
export function sqliteFeed(db: Database): SqliteFeed {
  const append = db.prepare('INSERT INTO feed (type, at_ms, data) VALUES (?, ?, ?)');
  const after = db.prepare<[number, number], FeedEntry>(
    'SELECT id, type, at_ms AS atMs, data FROM feed WHERE id > ? ORDER BY id LIMIT ?',
  );
  // By the `feed_at` index; the type is checked on the rows of the range.
  const between = db.prepare<[number, number, string, number], FeedEntry>(
    `SELECT id, type, at_ms AS atMs, data FROM feed
     WHERE at_ms >= ? AND at_ms < ? AND type = ? ORDER BY at_ms, id LIMIT ?`,
  );
  const deleteBefore = db.prepare('DELETE FROM feed WHERE at_ms < ?');
  return {
    appendFeed: (e) => Number(append.run(e.type, e.atMs, e.data).lastInsertRowid),
    feedAfter: (afterId, limit) => after.all(afterId, Math.max(0, limit)),
    feedBetween: (fromMs, toMs, type, limit) => between.all(fromMs, toMs, type, Math.max(0, limit)),
    deleteFeedBefore: (beforeMs) => deleteBefore.run(beforeMs).changes,
  };
}
