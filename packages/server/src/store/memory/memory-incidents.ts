// The memory adapter's incidents with their events, drafted updates and notification deliveries.
import type {
  DeliveryRow,
  IncidentEventRow,
  IncidentQuery,
  IncidentRow,
  Store,
  UpdateRow,
} from '../port.js';
import type { MemoryFeed } from './memory-feed.js';

type IncidentsPart = Pick<
  Store,
  | 'saveIncidentChange'
  | 'queryIncidents'
  | 'incident'
  | 'publishUpdate'
  | 'saveDelivery'
  | 'claimDelivery'
>;

/** The order updates are listed in: by stage as an incident goes, public before internal. */
const STAGE_ORDER = ['investigating', 'identified', 'monitoring', 'resolved'];
const VOICE_ORDER = ['public', 'internal'];

function byStageThenVoice(a: UpdateRow, b: UpdateRow): number {
  const stage = STAGE_ORDER.indexOf(a.stage) - STAGE_ORDER.indexOf(b.stage);
  return stage || VOICE_ORDER.indexOf(a.voice) - VOICE_ORDER.indexOf(b.voice);
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Newest `started_at` first, then by id ascending (the list API's order and cursor). */
function byNewestThenId(a: IncidentRow, b: IncidentRow): number {
  return b.startedAtMs - a.startedAtMs || compareText(a.id, b.id);
}

function matches(row: IncidentRow, q: IncidentQuery): boolean {
  if (q.state !== undefined && row.state !== q.state) return false;
  if (q.provider !== undefined && row.provider !== q.provider) return false;
  if (q.sinceMs !== undefined && row.endedAtMs !== null && row.endedAtMs < q.sinceMs) return false;
  const after = q.after;
  if (after === undefined) return true;
  return (
    row.startedAtMs < after.startedAtMs ||
    (row.startedAtMs === after.startedAtMs && compareText(row.id, after.id) > 0)
  );
}

/** Incidents by id; events, updates and deliveries per incident; claims as a set of keys. */
export function memoryIncidents(feed: MemoryFeed): IncidentsPart {
  const incidents = new Map<string, IncidentRow>();
  const events = new Map<string, IncidentEventRow[]>();
  const updates = new Map<string, Map<string, UpdateRow>>();
  const deliveries = new Map<string, DeliveryRow>();
  const claims = new Set<string>();

  return {
    saveIncidentChange(change, entry) {
      const { incident, event } = change;
      incidents.set(incident.id, incident);
      events.set(incident.id, [...(events.get(incident.id) ?? []), event]);
      const drafts = updates.get(incident.id) ?? new Map<string, UpdateRow>();
      for (const u of change.updates) {
        const key = `${u.stage}\u0000${u.voice}`;
        if (drafts.get(key)?.publishedAtMs != null) continue;
        drafts.set(key, { ...u, publishedAtMs: null });
      }
      updates.set(incident.id, drafts);
      const id = entry === undefined ? 0 : feed.append({ ...entry, atMs: event.atMs });
      return Promise.resolve(id);
    },
    queryIncidents(query) {
      const found = [...incidents.values()].filter((r) => matches(r, query)).sort(byNewestThenId);
      return Promise.resolve(found.slice(0, Math.max(0, query.limit)));
    },
    incident(id) {
      const incident = incidents.get(id);
      if (incident === undefined) return Promise.resolve(undefined);
      const notifications = [...deliveries.values()]
        .filter((d) => d.incidentId === id)
        .sort(
          (a, b) =>
            a.atMs - b.atMs || compareText(a.channel, b.channel) || compareText(a.event, b.event),
        );
      return Promise.resolve({
        incident,
        events: [...(events.get(id) ?? [])],
        updates: [...(updates.get(id)?.values() ?? [])].sort(byStageThenVoice),
        notifications,
      });
    },
    publishUpdate(id, stage, voice, text, atMs) {
      const drafts = updates.get(id);
      const key = `${stage}\u0000${voice}`;
      const draft = drafts?.get(key);
      if (drafts === undefined || draft === undefined) return Promise.resolve(undefined);
      const published: UpdateRow = { ...draft, text: text ?? draft.text, publishedAtMs: atMs };
      drafts.set(key, published);
      return Promise.resolve(published);
    },
    saveDelivery(delivery) {
      deliveries.set(
        JSON.stringify([delivery.incidentId, delivery.channel, delivery.event]),
        delivery,
      );
      return Promise.resolve();
    },
    claimDelivery(incidentId, stage, channel) {
      const key = JSON.stringify([incidentId, stage, channel]);
      if (claims.has(key)) return Promise.resolve(false);
      claims.add(key);
      return Promise.resolve(true);
    },
  };
}
