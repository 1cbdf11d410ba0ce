// The PostgreSQL adapter's event feed: ids handed out in commit order, for SSE resume.
import type { FeedEntry, Store } from '../port.js';
import type { Db, Sql } from './db.js';

/** The channel notified with an entry's id once it is committed (replicas LISTEN on it). */
export const FEED_CHANNEL = 'faultline_feed';

type FeedPart = Pick<Store, 'appendFeed' | 'feedAfter' | 'feedBetween' | 'deleteFeedBefore'>;

/**
 * Ids come from the `feed` counter row, not a sequence: its row lock is held to commit, so ids
 * are visible in order and a follower reading `id > n` never skips one that commits later.
 * `pg_notify` queues `faultline_feed` with the id; PostgreSQL delivers it to the listening
 * replicas when (and only if) the transaction commits, so a follower woken by it finds the entry.
 */
const APPEND = `
WITH c AS (UPDATE counters SET value = value + 1 WHERE name = 'feed' RETURNING value),
ins AS (INSERT INTO feed (id, type, at_ms, data) SELECT value, $1, $2, $3 FROM c RETURNING id)
SELECT id, pg_notify('${FEED_CHANNEL}', id::text) FROM ins`;

/** Appends `entry` inside the caller's transaction; resolves to its id. */
export async function appendFeedEntry(sql: Sql, entry: Omit<FeedEntry, 'id'>): Promise<number> {
  const [row] = await sql.rows<{ id: number }>(APPEND, [entry.type, entry.atMs, entry.data]);
  if (row === undefined) throw new Error('the feed counter row is missing (migration 1)');
  return row.id;
}

/** The feed in the `feed` table. */
export function postgresFeed(db: Db): FeedPart {
  return {
    appendFeed: (entry) => appendFeedEntry(db, entry),
    feedAfter(afterId, limit) {
      return db.rows<FeedEntry>(
        `SELECT id, type, at_ms AS "atMs", data FROM feed WHERE id > $1 ORDER BY id LIMIT $2`,
        [afterId, Math.max(0, limit)],
      );
    },
    feedBetween(fromMs, toMs, type, limit) {
      // By the `feed_at` index (migration 1); the type is checked on the rows of the range.
      return db.rows<FeedEntry>(
        `SELECT id, type, at_ms AS "atMs", data FROM feed
         WHERE at_ms >= $1 AND at_ms < $2 AND type = $3 ORDER BY at_ms, id LIMIT $4`,
        [fromMs, toMs, type, Math.max(0, limit)],
      );
    },
    deleteFeedBefore(beforeMs) {
      return db.count('DELETE FROM feed WHERE at_ms < $1', [beforeMs]);
    },
  };
}
