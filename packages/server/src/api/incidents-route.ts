/** `GET /v1/incidents` and `GET /v1/incidents/{id}` (server-api.md, Reading). */
import type { Store } from '../store/port.js';
import { errorResult, jsonResult, queryProblemResult, type ApiResult } from './api-result.js';
import { incidentBreakers } from './incident-breakers.js';
import { incidentDetailJson, incidentJson } from './incident-json.js';
import {
  choiceParam,
  cursorParam,
  encodeCursor,
  limitParam,
  stringParam,
  timeParam,
} from './query-params.js';

interface IncidentCursor {
  readonly s: number;
  readonly id: string;
}

function isIncidentCursor(v: unknown): v is IncidentCursor {
  const c = v as Partial<IncidentCursor> | null;
  return typeof c === 'object' && c !== null && Number.isFinite(c.s) && typeof c.id === 'string';
}

/** Lists incidents, newest `started_at` first, one page at a time. */
export async function listIncidents(store: Store, params: URLSearchParams): Promise<ApiResult> {
  try {
    const limit = limitParam(params, 50, 500);
    const cursor = cursorParam(params, isIncidentCursor);
    const rows = await store.queryIncidents({
      state: choiceParam(params, 'state', ['open', 'resolved'] as const),
      sinceMs: timeParam(params, 'since'),
      provider: stringParam(params, 'provider'),
      limit: limit + 1,
      after: cursor === undefined ? undefined : { startedAtMs: cursor.s, id: cursor.id },
    });
    const page = rows.slice(0, limit);
    const last = page.at(-1);
    const next =
      rows.length > limit && last !== undefined
        ? encodeCursor({ s: last.startedAtMs, id: last.id } satisfies IncidentCursor)
        : null;
    return jsonResult(200, { incidents: page.map(incidentJson), next_cursor: next });
  } catch (e: unknown) {
    const refused = queryProblemResult(e);
    if (refused !== undefined) return refused;
    throw e;
  }
}

/** One incident with its events, drafted updates, notifications and breaker changes; 404 when unknown. */
export async function showIncident(store: Store, id: string): Promise<ApiResult> {
  const detail = await store.incident(id);
  if (detail === undefined)
    return errorResult(404, 'not_found', `no incident ${JSON.stringify(id.slice(0, 80))}`);
  const breakers = await incidentBreakers(store, detail.incident);
  return jsonResult(200, incidentDetailJson(detail, breakers));
}
