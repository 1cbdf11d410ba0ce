// The PostgreSQL adapter's incidents with their events and drafted updates.
import type {
  IncidentChange,
  IncidentEventRow,
  IncidentQuery,
  IncidentRow,
  Store,
  UpdateRow,
} from '../port.js';
import type { Db, Sql } from './db.js';
import { deliveriesOf } from './deliveries.js';
import { appendFeedEntry } from './feed.js';

type IncidentsPart = Pick<
  Store,
  'saveIncidentChange' | 'queryIncidents' | 'incident' | 'publishUpdate'
>;

const INCIDENT = `id, state, provider, started_at_ms AS "startedAtMs", ended_at_ms AS "endedAtMs",
  updated_at_ms AS "updatedAtMs", json`;
const UPDATE = `stage, voice, text, drafted_at_ms AS "draftedAtMs", published_at_ms AS "publishedAtMs"`;

const UPSERT_INCIDENT = `
INSERT INTO incidents (id, state, provider, started_at_ms, ended_at_ms, updated_at_ms, json)
VALUES ($1, $2, $3, $4, $5, $6, $7)
ON CONFLICT (id) DO UPDATE SET state = EXCLUDED.state, provider = EXCLUDED.provider,
  started_at_ms = EXCLUDED.started_at_ms, ended_at_ms = EXCLUDED.ended_at_ms,
  updated_at_ms = EXCLUDED.updated_at_ms, json = EXCLUDED.json`;

/** A new draft replaces the stored one of its stage and voice unless that one was published. */
const UPSERT_DRAFT = `
INSERT INTO incident_updates (incident_id, stage, voice, text, drafted_at_ms) VALUES ($1, $2, $3, $4, $5)
ON CONFLICT (incident_id, stage, voice) DO UPDATE SET text = EXCLUDED.text,
  drafted_at_ms = EXCLUDED.drafted_at_ms
  WHERE incident_updates.published_at_ms IS NULL`;

/** Updates listed by stage as an incident goes, public before internal (as the memory adapter). */
const UPDATE_ORDER = `array_position(ARRAY['investigating', 'identified', 'monitoring', 'resolved'], stage),
  array_position(ARRAY['public', 'internal'], voice)`;

async function saveChange(sql: Sql, change: IncidentChange): Promise<void> {
  const { incident: i, event: e } = change;
  await sql.count(UPSERT_INCIDENT, [
    i.id,
    i.state,
    i.provider,
    i.startedAtMs,
    i.endedAtMs,
    i.updatedAtMs,
    i.json,
  ]);
  await sql.count(
    'INSERT INTO incident_events (incident_id, kind, at_ms, summary) VALUES ($1, $2, $3, $4)',
    [i.id, e.kind, e.atMs, e.summary],
  );
  for (const u of change.updates) {
    await sql.count(UPSERT_DRAFT, [i.id, u.stage, u.voice, u.text, u.draftedAtMs]);
  }
}

function incidentFilter(q: IncidentQuery): { where: string; values: unknown[] } {
  const values: unknown[] = [];
  const where: string[] = ['TRUE'];
  const add = (clause: (n: number) => string, ...vs: unknown[]): void => {
    values.push(...vs);
    where.push(clause(values.length));
  };
  if (q.state !== undefined) add((n) => `state = $${n}`, q.state);
  if (q.provider !== undefined) add((n) => `provider = $${n}`, q.provider);
  if (q.sinceMs !== undefined)
    add((n) => `(ended_at_ms IS NULL OR ended_at_ms >= $${n})`, q.sinceMs);
  if (q.after !== undefined) {
    const { startedAtMs, id } = q.after;
    add(
      (n) => `(started_at_ms < $${n - 1} OR (started_at_ms = $${n - 1} AND id > $${n}))`,
      startedAtMs,
      id,
    );
  }
  return { where: where.join(' AND '), values };
}

/** Incidents, their events and their drafts, each in its table. */
export function postgresIncidents(db: Db): IncidentsPart {
  return {
    saveIncidentChange(change, feed) {
      return db.tx(async (sql) => {
        await saveChange(sql, change);
        if (feed === undefined) return 0;
        return appendFeedEntry(sql, { type: feed.type, data: feed.data, atMs: change.event.atMs });
      });
    },
    queryIncidents(query) {
      const { where, values } = incidentFilter(query);
      values.push(Math.max(0, query.limit));
      return db.rows<IncidentRow>(
        `SELECT ${INCIDENT} FROM incidents WHERE ${where}
         ORDER BY started_at_ms DESC, id LIMIT $${values.length}`,
        values,
      );
    },
    async incident(id) {
      const [incident] = await db.rows<IncidentRow>(
        `SELECT ${INCIDENT} FROM incidents WHERE id = $1`,
        [id],
      );
      if (incident === undefined) return undefined;
      const [events, updates, notifications] = await Promise.all([
        db.rows<IncidentEventRow>(
          `SELECT kind, at_ms AS "atMs", summary FROM incident_events WHERE incident_id = $1 ORDER BY id`,
          [id],
        ),
        db.rows<UpdateRow>(
          `SELECT ${UPDATE} FROM incident_updates WHERE incident_id = $1 ORDER BY ${UPDATE_ORDER}`,
          [id],
        ),
        deliveriesOf(db, id),
      ]);
      return { incident, events, updates, notifications };
    },
    async publishUpdate(id, stage, voice, text, atMs) {
      const [row] = await db.rows<UpdateRow>(
        `UPDATE incident_updates SET published_at_ms = $5, text = coalesce($4, text)
         WHERE incident_id = $1 AND stage = $2 AND voice = $3 RETURNING ${UPDATE}`,
        [id, stage, voice, text ?? null, atMs],
      );
      return row;
    },
  };
}
