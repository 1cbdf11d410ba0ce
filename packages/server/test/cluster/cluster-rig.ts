// Replicas of `faultline serve` in-process on one PostgreSQL schema, a webhook receiver, and ways to end a leader.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import pg from 'pg';
import { validateConfig } from '../../src/config/index.js';
import { startService, type RunningService } from '../../src/serve/start-service.js';
import { LEADER_LOCK_KEY } from '../../src/store/postgres/locks.js';
import { eventually as pollUntil } from '../serve/service-process.js';
import { pgUrl } from '../store/pg-harness.js';

export const TOKENS = {
  admin: 'fl_admin_cluster_tests_0123456789abcdef',
  ingest: 'fl_ingest_cluster_tests_0123456789abcdef',
  read: 'fl_read_cluster_tests_0123456789abcdef',
} as const;

export const WEBHOOK_SECRET = `whsec_${Buffer.from('a secret of 24 bytes....').toString('base64')}`;

/** One in-process replica and its log lines. */
export interface Replica {
  readonly name: string;
  readonly service: RunningService;
  readonly url: string;
  readonly logs: string[];
}

/** Starts a replica of the store at `storeUrl`, telling `hookUrl` (if given) of incidents. */
export async function startReplica(
  name: string,
  storeUrl: string,
  hookUrl?: string,
  now?: () => number,
): Promise<Replica> {
  const config = validateConfig(
    {
      store: storeUrl,
      tokens: Object.entries(TOKENS).map(([role, token]) => ({ name: role, role, token })),
      ...(hookUrl === undefined
        ? {}
        : { notify: [{ name: 'hooks', kind: 'webhook', url: hookUrl, secret: WEBHOOK_SECRET }] }),
    },
    { env: {} },
  );
  const logs: string[] = [];
  const service = await startService({
    config,
    log: (l) => logs.push(l),
    port: 0,
    ...(now === undefined ? {} : { now }),
  });
  return { name, service, url: service.address.url, logs };
}

/** A local webhook receiver keeping every body it got. */
export async function startReceiver(): Promise<{
  url: string;
  bodies: string[];
  close(): Promise<void>;
}> {
  const bodies: string[] = [];
  const server: Server = createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (c: string) => (body += c));
    req.on('end', () => {
      bodies.push(body);
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/hook`,
    bodies,
    close: () => new Promise((r) => server.close(() => r())),
  };
}

/**
 * Ends the session holding the leader lock of `database` (as an operator's
 * `pg_terminate_backend`, or a connection PostgreSQL dropped); resolves to how many it ended.
 */
export async function terminateLeaderSession(database: string): Promise<number> {
  const client = new pg.Client({ connectionString: pgUrl(database) });
  await client.connect();
  try {
    const result = await client.query<{ ended: boolean }>(
      `SELECT pg_terminate_backend(pid) AS ended FROM pg_locks
       WHERE locktype = 'advisory' AND granted AND classid = $1 AND objsubid = 2
         AND database = (SELECT oid FROM pg_database WHERE datname = current_database())`,
      [LEADER_LOCK_KEY],
    );
    return result.rows.filter((r) => r.ended).length;
  } finally {
    await client.end();
  }
}

/** `faultline_leader` as `/metrics` gives it. */
export async function leaderGauge(url: string): Promise<number> {
  const text = await (await fetch(`${url}/metrics`)).text();
  const m = /^faultline_leader (\d+)$/m.exec(text);
  if (m === null) throw new Error('no faultline_leader in /metrics');
  return Number(m[1]);
}

/** GET `path` with the read token, as JSON. */
export async function getJson<T>(url: string, path: string): Promise<T> {
  const res = await fetch(`${url}${path}`, { headers: { authorization: `Bearer ${TOKENS.read}` } });
  if (res.status !== 200) throw new Error(`GET ${path}: ${res.status}`);
  return (await res.json()) as T;
}

/** Posts records (JSON Lines) with the ingest token; rejects unless 200. */
export async function ingest(url: string, records: readonly object[], key: string): Promise<void> {
  const res = await fetch(`${url}/v1/records`, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${TOKENS.ingest}`,
      'content-type': 'application/x-ndjson',
      'idempotency-key': key,
    },
    body: records.map((r) => `${JSON.stringify(r)}\n`).join(''),
  });
  if (res.status !== 200) throw new Error(`POST /v1/records: ${res.status} ${await res.text()}`);
  await res.text();
}

/** serve/service-process.ts's `eventually`, with the 15 s a takeover may take as its default. */
export function eventually(
  what: string,
  probe: () => boolean | Promise<boolean>,
  timeoutMs = 15_000,
): Promise<void> {
  return pollUntil(what, probe, timeoutMs);
}
