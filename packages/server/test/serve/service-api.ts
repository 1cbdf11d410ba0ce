// Reads what a running service holds through its API: records by request_id, incidents, events.
import { TOKENS } from './service-process.js';

/** Every stored call record's `request_id`, read through GET /v1/records page by page (`window`: `&from=…&to=…`). */
export async function exportedIds(base: string, window = ''): Promise<string[]> {
  const ids: string[] = [];
  let next: string | undefined = `/v1/records?limit=10000${window}`;
  while (next !== undefined) {
    const res = await fetch(new URL(next, base), {
      headers: { authorization: `Bearer ${TOKENS.read}` },
    });
    if (res.status !== 200) throw new Error(`GET ${next}: ${res.status} ${await res.text()}`);
    for (const l of (await res.text()).split('\n'))
      if (l !== '') ids.push((JSON.parse(l) as { request_id: string }).request_id);
    next = /<([^>]+)>;\s*rel="next"/.exec(res.headers.get('link') ?? '')?.[1];
  }
  return ids;
}

/** The incidents `GET /v1/incidents` lists (both states). */
export async function listIncidents(base: string): Promise<IncidentSummary[]> {
  const res = await fetch(`${base}/v1/incidents?limit=500`, {
    headers: { authorization: `Bearer ${TOKENS.read}` },
  });
  if (res.status !== 200) throw new Error(`GET /v1/incidents: ${res.status}`);
  return ((await res.json()) as { incidents: IncidentSummary[] }).incidents;
}

/** The fields of an incident these tests look at. */
export interface IncidentSummary {
  readonly id: string;
  readonly state: 'open' | 'resolved';
  readonly layer: string;
  readonly provider: string | null;
  readonly started_at: string;
}

/** The kinds of an incident's events, in order (`GET /v1/incidents/{id}`). */
export async function incidentEventKinds(base: string, id: string): Promise<string[]> {
  const res = await fetch(`${base}/v1/incidents/${encodeURIComponent(id)}`, {
    headers: { authorization: `Bearer ${TOKENS.read}` },
  });
  if (res.status !== 200) throw new Error(`GET /v1/incidents/${id}: ${res.status}`);
  return ((await res.json()) as { events: { kind: string }[] }).events.map((e) => e.kind);
}

/** How often each value occurs. */
export function countEach(values: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return counts;
}
