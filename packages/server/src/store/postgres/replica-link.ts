// A replica's dedicated PostgreSQL session: the leader lock, LISTEN for feed and health, a guarded ping.
import pg from 'pg';
import { FEED_CHANNEL } from './feed.js';
import { HealthAssembler, healthChunks } from './health-chunks.js';
import { LEADER_LOCK_KEY } from './locks.js';

/** The channel the leader's health document goes out on, in chunks. */
export const HEALTH_CHANNEL = 'faultline_health';

/** What the session tells its owner (structurally the cluster's `ReplicaLinkEvents`). */
export interface PostgresLinkEvents {
  onLost(reason: string): void;
  onFeed(): void;
  onHealth(json: string): void;
}

/** The session (structurally the cluster's `ReplicaLink`). */
export interface PostgresReplicaLink {
  tryLead(): Promise<boolean>;
  ping(timeoutMs: number): Promise<void>;
  publishHealth(json: string, timeoutMs: number): Promise<void>;
  lastFeedId(): Promise<number>;
  close(): Promise<void>;
}

/**
 * Fences on the server's side (postgresql.org/docs/current/runtime-config-client.html and
 * runtime-config-connection.html): a session that goes quiet for 10 s is ended by PostgreSQL,
 * and with it the lock, even when the network cut leaves the TCP connection open. The leader
 * pings every second and steps down when a ping fails or takes 2 s, so it has stopped well before
 * PostgreSQL frees the lock for another replica. Keepalives and the TCP user timeout end a session
 * whose peer vanished while data was in flight.
 */
const GUARDS = [
  `SET idle_session_timeout = '10s'`,
  'SET tcp_keepalives_idle = 5',
  'SET tcp_keepalives_interval = 2',
  'SET tcp_keepalives_count = 3',
  'SET tcp_user_timeout = 10000',
  `LISTEN ${FEED_CHANNEL}`,
  `LISTEN ${HEALTH_CHANNEL}`,
];

/** Rejects when `work` takes longer than `ms`. */
function within<T>(work: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not answer within ${ms} ms`)), ms);
  });
  return Promise.race([work, late]).finally(() => clearTimeout(timer));
}

/** Ends a client at once: its socket destroyed, so a healed network cannot revive the session. */
function destroy(client: pg.Client): Promise<void> {
  const stream = (client as unknown as { connection?: { stream?: { destroy(): void } } }).connection
    ?.stream;
  const ended = client.end().catch(() => undefined);
  stream?.destroy();
  return within(ended, 1_000, 'closing').catch(() => undefined);
}

/** Connects a dedicated session to `url` (its `search_path` is the store's schema). */
export async function connectPostgresLink(
  url: string,
  events: PostgresLinkEvents,
): Promise<PostgresReplicaLink> {
  const client = new pg.Client({
    connectionString: url,
    keepAlive: true,
    keepAliveInitialDelayMillis: 5_000,
    connectionTimeoutMillis: 5_000,
    application_name: 'faultline-replica',
  });
  let lost = false;
  let open = false;
  const lose = (reason: string): void => {
    if (lost) return;
    lost = true;
    void destroy(client);
    if (open) events.onLost(reason);
  };
  client.on('error', (e: Error) => lose(e.message));
  client.on('end', () => lose('the connection ended'));
  try {
    await within(client.connect(), 6_000, 'connecting');
    for (const statement of GUARDS) {
      // A server too old for a setting (idle_session_timeout is PostgreSQL 14+, undefined_object
      // before) still fences through the keepalives.
      await client.query(statement).catch((e: unknown) => {
        if ((e as { code?: unknown }).code !== '42704') throw e;
      });
    }
  } catch (e: unknown) {
    lost = true;
    await destroy(client);
    throw e;
  }
  const [row] = (await client.query<{ schema: string }>('SELECT current_schema() AS schema')).rows;
  if (lost) throw new Error('the connection ended while it was being set up');
  open = true;
  const store = row?.schema ?? '';
  const assembler = new HealthAssembler(store);
  client.on('notification', (n: pg.Notification) => {
    if (n.channel === FEED_CHANNEL) events.onFeed();
    else if (n.channel === HEALTH_CHANNEL) {
      const json = assembler.take(n.payload ?? '');
      if (json !== undefined) events.onHealth(json);
    }
  });
  let generation = Date.now();
  const guarded = async <T>(work: Promise<T>, ms: number, what: string): Promise<T> => {
    try {
      return await within(work, ms, what);
    } catch (e: unknown) {
      lose(e instanceof Error ? e.message : String(e));
      throw e;
    }
  };
  return {
    async tryLead() {
      const result = await guarded(
        client.query<{ held: boolean }>(
          'SELECT pg_try_advisory_lock($1::int4, hashtext(current_schema())) AS held',
          [LEADER_LOCK_KEY],
        ),
        5_000,
        'the lock connection',
      );
      return result.rows[0]?.held === true;
    },
    async ping(timeoutMs) {
      await guarded(client.query('SELECT 1'), timeoutMs, 'the lock connection');
    },
    async publishHealth(json, timeoutMs) {
      const chunks = healthChunks(store, generation++, json);
      const sql =
        chunks === undefined
          ? client.query('SELECT 1')
          : client.query(`SELECT pg_notify('${HEALTH_CHANNEL}', p) FROM unnest($1::text[]) AS p`, [
              chunks,
            ]);
      await guarded(sql, timeoutMs, 'the lock connection');
    },
    async lastFeedId() {
      const result = await client.query<{ id: string }>(
        'SELECT coalesce(max(id), 0)::text AS id FROM feed',
      );
      return Number(result.rows[0]?.id ?? 0);
    },
    async close() {
      lost = true;
      await destroy(client);
    },
  };
}
