/**
 * An incident's breaker changes (GET /v1/incidents/{id}, `breakers`): the stored `breaker.changed`
 * feed entries of the providers and models it covers, from a minute before it started to five
 * minutes after it resolved (or to now while open), oldest first.
 */
import { BREAKER_STATES, formatTimestamp } from '@faultline/core';
import { z } from 'zod';
import type { IncidentRow, Store } from '../store/port.js';

/** Most breaker changes one incident shows. */
export const INCIDENT_BREAKERS_LIMIT = 200;
/** Most feed entries of the window read to find them (changes of other scopes included). */
const SCAN_LIMIT = 5_000;
const BEFORE_MS = 60_000;
const AFTER_MS = 5 * 60_000;

const state = z.enum(BREAKER_STATES);

/** The data of a `breaker.changed` entry (breakers/breaker-event.ts), as the API shows it. */
const breakerChange = z.object({
  at: z.string(),
  provider: z.string(),
  model: z.string(),
  target: z.string(),
  from: state,
  to: state,
  why: z.string(),
});

export type IncidentBreakerChange = z.infer<typeof breakerChange>;

/** The feed window of an incident: `[fromMs, toMs)`; unbounded above while it is open. */
export function breakerWindow(row: IncidentRow): { fromMs: number; toMs: number } {
  return {
    fromMs: row.startedAtMs - BEFORE_MS,
    toMs: row.endedAtMs === null ? Number.MAX_SAFE_INTEGER : row.endedAtMs + AFTER_MS + 1,
  };
}

/** The models the incident names (none: every model of its provider). */
function namedModels(row: IncidentRow): ReadonlySet<string> {
  const models = z
    .object({ models: z.array(z.string()).optional() })
    .safeParse(JSON.parse(row.json));
  return new Set(models.success ? (models.data.models ?? []) : []);
}

/** The breaker changes the incident covers; a global incident (no provider) covers all. */
export async function incidentBreakers(
  store: Store,
  row: IncidentRow,
): Promise<IncidentBreakerChange[]> {
  const { fromMs, toMs } = breakerWindow(row);
  const models = namedModels(row);
  const out: IncidentBreakerChange[] = [];
  for (const entry of await store.feedBetween(fromMs, toMs, 'breaker.changed', SCAN_LIMIT)) {
    const parsed = breakerChange.safeParse(safeJson(entry.data));
    if (!parsed.success) continue;
    const c = parsed.data;
    if (row.provider !== null && c.provider !== row.provider) continue;
    if (models.size > 0 && !models.has(c.model)) continue;
    out.push({ ...c, at: formatTimestamp(entry.atMs) });
    if (out.length === INCIDENT_BREAKERS_LIMIT) break;
  }
  return out;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
