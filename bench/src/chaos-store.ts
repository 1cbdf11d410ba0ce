/**
 * What the chaos run reads from PostgreSQL directly, behind the replicas' backs: the stored
 * records' request ids (to find acknowledged ones missing, and any stored twice), the incidents
 * and their events, and the records themselves for an offline `faultline diagnose`. Also the
 * restart of the local PostgreSQL cluster.
 */
import { execFile } from 'node:child_process';
import { createWriteStream, readdirSync } from 'node:fs';
import { promisify } from 'node:util';
import pg from 'pg';
import type { AckLog } from './chaos-acks.js';
import { Bitmap } from './chaos-acks.js';
import { parseRequestId } from './chaos-records.js';

/**
 * Rows per page. Pages go by the primary key alone (`seq > $1 ORDER BY seq`): a filter on `kind`
 * as well let the planner pick the (kind, ts_ms, seq) index on a freshly loaded table without
 * statistics, and read all of it for every page (8 s a page at 3 million rows).
 */
const PAGE = 50_000;

async function withClient<T>(url: string, work: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  client.on('error', () => undefined);
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** Acknowledged records missing from the store, and records stored more than once. */
export interface RecordAudit {
  readonly stored: number;
  readonly ackedLost: number;
  readonly storedTwice: number;
}

/** Reads every stored record's request id (by seq, in pages) and checks them against `acks`. */
export function auditRecords(url: string, acks: AckLog): Promise<RecordAudit> {
  return withClient(url, async (c) => {
    const found = acks.acked.map(() => new Bitmap());
    let stored = 0;
    let storedTwice = 0;
    for (let after = -1; ;) {
      const { rows } = await c.query<{ seq: string; kind: string; id: string | null }>(
        `SELECT seq::text AS seq, kind, json::json->>'request_id' AS id FROM records
         WHERE seq > $1 ORDER BY records.seq LIMIT ${PAGE}`,
        [after],
      );
      for (const row of rows) {
        if (row.kind !== 'call') continue;
        const id = parseRequestId(row.id);
        stored++;
        if (id === undefined || found[id.client] === undefined) continue;
        if (found[id.client]!.has(id.n)) storedTwice++;
        else found[id.client]!.add(id.n);
      }
      if (rows.length < PAGE) break;
      after = Number(rows[rows.length - 1]!.seq);
    }
    let ackedLost = 0;
    acks.acked.forEach((bits, client) => {
      for (let n = 0; n < acks.generated[client]!; n++)
        if (bits.has(n) && !found[client]!.has(n)) ackedLost++;
    });
    return { stored, ackedLost, storedTwice };
  });
}

/** An incident as stored, with its events' kinds in order. */
export interface StoredIncident {
  readonly id: string;
  readonly state: string;
  readonly doc: { affected_calls?: number; layer?: string; scope?: string; models?: string[] };
  readonly events: string[];
}

export function storedIncidents(url: string): Promise<StoredIncident[]> {
  return withClient(url, async (c) => {
    const incidents = await c.query<{ id: string; state: string; json: string }>(
      'SELECT id, state, json FROM incidents ORDER BY started_at_ms, id',
    );
    const events = await c.query<{ incident_id: string; kind: string }>(
      'SELECT incident_id, kind FROM incident_events ORDER BY id',
    );
    return incidents.rows.map((r) => ({
      id: r.id,
      state: r.state,
      doc: JSON.parse(r.json) as StoredIncident['doc'],
      events: events.rows.filter((e) => e.incident_id === r.id).map((e) => e.kind),
    }));
  });
}

/** Writes the stored records, in commit order, to `file` as JSON Lines. */
export function exportRecords(url: string, file: string): Promise<void> {
  return withClient(url, async (c) => {
    const out = createWriteStream(file);
    for (let after = -1; ;) {
      const { rows } = await c.query<{ seq: string; json: string }>(
        `SELECT seq::text AS seq, json FROM records WHERE seq > $1 ORDER BY records.seq LIMIT ${PAGE}`,
        [after],
      );
      if (rows.length > 0 && !out.write(rows.map((r) => r.json).join('\n') + '\n'))
        await new Promise<void>((resolve) => out.once('drain', () => resolve()));
      if (rows.length < PAGE) break;
      after = Number(rows[rows.length - 1]!.seq);
    }
    await new Promise<void>((resolve, reject) => {
      out.once('error', reject);
      out.end(() => resolve());
    });
  });
}

/** Restarts the local Debian PostgreSQL cluster(s) (`pg_ctlcluster … restart`). */
export async function restartPostgres(): Promise<void> {
  for (const version of readdirSync('/etc/postgresql')) {
    await promisify(execFile)('pg_ctlcluster', [
      '--skip-systemctl-redirect',
      version,
      'main',
      'restart',
    ]);
  }
}
