/**
 * Reads the incidents the public page needs from the store: every incident active in the last 90
 * days, with its published public updates. Drafts, internal updates and evidence stay behind.
 */
import { checkIncident } from '@faultline/core';
import type { IncidentDetail, IncidentQuery, IncidentRow } from '../store/port.js';
import { historyStartMs } from './day-history.js';
import type { IncidentFacts } from './incident-facts.js';
import type { PublicUpdate } from './page-model.js';

/** What the page reads from the store (a subset of the store port). */
export interface StatusPageStore {
  queryIncidents(query: IncidentQuery): Promise<IncidentRow[]>;
  incident(id: string): Promise<IncidentDetail | undefined>;
}

/** At most this many incidents are read per page view (the newest first). */
export const MAX_INCIDENTS = 1000;
const PAGE = 500;

function published(detail: IncidentDetail | undefined): PublicUpdate[] {
  return (detail?.updates ?? []).flatMap((u) =>
    u.voice === 'public' && u.publishedAtMs !== null
      ? [{ stage: u.stage, text: u.text, publishedAtMs: u.publishedAtMs }]
      : [],
  );
}

function factsOf(row: IncidentRow, detail: IncidentDetail | undefined): IncidentFacts | undefined {
  let value: unknown;
  try {
    value = JSON.parse(row.json);
  } catch {
    return undefined;
  }
  const checked = checkIncident(value, 'incident');
  if (!checked.ok) return undefined;
  const i = checked.value;
  return {
    id: row.id,
    open: row.state === 'open',
    scope: i.scope,
    provider: i.provider,
    models: i.models,
    layer: i.layer,
    reason: i.reason,
    peakErrorRate: i.peak_error_rate,
    startedAtMs: row.startedAtMs,
    endedAtMs: row.endedAtMs,
    updatedAtMs: row.updatedAtMs,
    published: published(detail),
  };
}

/** The incidents active since the history's first day; unreadable incident rows are skipped. */
export async function loadIncidents(
  store: StatusPageStore,
  nowMs: number,
): Promise<IncidentFacts[]> {
  const rows: IncidentRow[] = [];
  let after: IncidentQuery['after'];
  while (rows.length < MAX_INCIDENTS) {
    const page = await store.queryIncidents({ sinceMs: historyStartMs(nowMs), limit: PAGE, after });
    rows.push(...page);
    const last = page[page.length - 1];
    if (page.length < PAGE || last === undefined) break;
    after = { startedAtMs: last.startedAtMs, id: last.id };
  }
  const details = await Promise.all(rows.map((r) => store.incident(r.id)));
  return rows.flatMap((row, n) => factsOf(row, details[n]) ?? []);
}
