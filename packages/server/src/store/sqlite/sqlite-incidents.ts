// The SQLite adapter's incidents: row, event, drafts and feed entry of a change in one transaction.
import type { Database } from 'better-sqlite3';
import type {
  DeliveryRow,
  FeedEntry,
  IncidentChange,
  IncidentDetail,
  IncidentEventRow,
  IncidentQuery,
  IncidentRow,
  UpdateRow,
  UpdateStage,
  UpdateVoice,
} from '../port.js';
import type { SqliteFeed } from './sqlite-feed.js';
import { statementCache } from './statement-cache.js';

/** The incidents part of the port, synchronous. */
export interface SqliteIncidents {
  saveIncidentChange(
    this: void,
    change: IncidentChange,
    feed?: Omit<FeedEntry, 'id' | 'atMs'>,
  ): number;
  queryIncidents(this: void, query: IncidentQuery): IncidentRow[];
  incident(this: void, id: string): IncidentDetail | undefined;
  publishUpdate(
    this: void,
    id: string,
    stage: UpdateStage,
    voice: UpdateVoice,
    text: string | undefined,
    atMs: number,
  ): UpdateRow | undefined;
}

const INCIDENT = `id, state, provider, started_at_ms AS startedAtMs, ended_at_ms AS endedAtMs,
  updated_at_ms AS updatedAtMs, json`;
const UPDATE = 'stage, voice, text, drafted_at_ms AS draftedAtMs, published_at_ms AS publishedAtMs';
/** Updates in the order an incident goes through its stages, public before internal. */
const UPDATE_ORDER = `CASE stage WHEN 'investigating' THEN 0 WHEN 'identified' THEN 1
  WHEN 'monitoring' THEN 2 ELSE 3 END, CASE voice WHEN 'public' THEN 0 ELSE 1 END`;

/** Prepares the incident statements on `db`; feed entries go through `feed`. */
export function sqliteIncidents(db: Database, feed: SqliteFeed): SqliteIncidents {
  const upsert = db.prepare(`INSERT OR REPLACE INTO incidents
    (id, state, provider, started_at_ms, ended_at_ms, updated_at_ms, json) VALUES (?, ?, ?, ?, ?, ?, ?)`);
  const addEvent = db.prepare(
    'INSERT INTO incident_events (incident_id, kind, at_ms, summary) VALUES (?, ?, ?, ?)',
  );
  const putDraft = db.prepare(`INSERT INTO incident_updates
    (incident_id, stage, voice, text, drafted_at_ms, published_at_ms) VALUES (?, ?, ?, ?, ?, NULL)
    ON CONFLICT (incident_id, stage, voice) DO UPDATE SET text = excluded.text,
    drafted_at_ms = excluded.drafted_at_ms WHERE published_at_ms IS NULL`);
  const one = db.prepare<[string], IncidentRow>(`SELECT ${INCIDENT} FROM incidents WHERE id = ?`);
  const events = db.prepare<[string], IncidentEventRow>(
    'SELECT kind, at_ms AS atMs, summary FROM incident_events WHERE incident_id = ? ORDER BY n',
  );
  const updates = db.prepare<[string], UpdateRow>(
    `SELECT ${UPDATE} FROM incident_updates WHERE incident_id = ? ORDER BY ${UPDATE_ORDER}`,
  );
  const deliveries = db.prepare<
    [string],
    DeliveryRow
  >(`SELECT incident_id AS incidentId, channel, kind,
    event, at_ms AS atMs, outcome, attempts FROM deliveries WHERE incident_id = ? ORDER BY at_ms, channel, event`);
  const publish = db.prepare<
    [string | null, number, string, string, string],
    UpdateRow
  >(`UPDATE incident_updates
    SET text = coalesce(?, text), published_at_ms = ? WHERE incident_id = ? AND stage = ? AND voice = ?
    RETURNING ${UPDATE}`);

  const prepared = statementCache<IncidentRow>(db);
  // One read transaction, so the incident and its events, drafts and deliveries agree.
  const detail = db.transaction((id: string): IncidentDetail | undefined => {
    const incident = one.get(id);
    if (incident === undefined) return undefined;
    return {
      incident,
      events: events.all(id),
      updates: updates.all(id),
      notifications: deliveries.all(id),
    };
  });

  const save = db.transaction(
    (change: IncidentChange, entry?: Omit<FeedEntry, 'id' | 'atMs'>): number => {
      const { incident: i, event: e } = change;
      upsert.run(i.id, i.state, i.provider, i.startedAtMs, i.endedAtMs, i.updatedAtMs, i.json);
      addEvent.run(i.id, e.kind, e.atMs, e.summary);
      for (const u of change.updates) putDraft.run(i.id, u.stage, u.voice, u.text, u.draftedAtMs);
      return entry === undefined ? 0 : feed.appendFeed({ ...entry, atMs: e.atMs });
    },
  );

  return {
    saveIncidentChange: (change, entry) => save.immediate(change, entry),
    queryIncidents(q) {
      const where: string[] = [];
      const params: (string | number)[] = [];
      const add = (clause: string, ...values: (string | number)[]): void => {
        where.push(clause);
        params.push(...values);
      };
      if (q.state !== undefined) add('state = ?', q.state);
      if (q.provider !== undefined) add('provider = ?', q.provider);
      if (q.sinceMs !== undefined) add('(ended_at_ms IS NULL OR ended_at_ms >= ?)', q.sinceMs);
      const a = q.after;
      if (a !== undefined)
        add(
          '(started_at_ms < ? OR (started_at_ms = ? AND id > ?))',
          a.startedAtMs,
          a.startedAtMs,
          a.id,
        );
      const filter = where.length === 0 ? '' : `WHERE ${where.join(' AND ')}`;
      const sql = `SELECT ${INCIDENT} FROM incidents ${filter} ORDER BY started_at_ms DESC, id LIMIT ?`;
      return prepared(sql).all(...params, Math.max(0, q.limit));
    },
    incident: (id) => detail(id),
    publishUpdate: (id, stage, voice, text, atMs) =>
      publish.get(text ?? null, atMs, id, stage, voice),
  };
}
