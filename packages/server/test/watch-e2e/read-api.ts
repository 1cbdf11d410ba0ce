// Reads the running service's API as an operator would: incidents, one incident, health.
import type { RunningService } from '../../src/serve/start-service.js';
import { ADMIN_TOKEN } from './watch-rig.js';

/** An evidence item (spec/diagnosis.md v1.1). */
export interface Evidence {
  readonly kind: string;
  readonly text: string;
  readonly facts?: Record<string, unknown>;
}

/** The incident fields these tests read. */
export interface Incident {
  readonly id: string;
  readonly state: 'open' | 'resolved';
  readonly layer: string;
  readonly reason: string;
  readonly owner: string;
  readonly scope: string;
  readonly provider: string | null;
  readonly models: readonly string[];
  readonly started_at: string;
  readonly detected_at: string;
  readonly resolved_at: string | null;
  readonly evidence: readonly Evidence[];
  readonly update: string;
}

/** `GET /v1/incidents/{id}`: the incident with its events and drafted updates. */
export interface IncidentDetail extends Incident {
  readonly events: readonly { readonly kind: string; readonly at: string }[];
  readonly updates: readonly { readonly stage: string; readonly voice: string; text: string }[];
}

/** `GET /v1/health`, the parts read here. */
export interface Health {
  readonly providers: readonly {
    readonly provider: string;
    readonly state: string;
    readonly status_page: { readonly status: string; readonly component: string } | null;
  }[];
}

async function getJson<T>(service: RunningService, path: string): Promise<T> {
  const res = await fetch(`${service.address.url}${path}`, {
    headers: { authorization: `Bearer ${ADMIN_TOKEN}` },
  });
  if (res.status !== 200) throw new Error(`GET ${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

export async function incidents(service: RunningService): Promise<Incident[]> {
  return (await getJson<{ incidents: Incident[] }>(service, '/v1/incidents')).incidents;
}

export function incident(service: RunningService, id: string): Promise<IncidentDetail> {
  return getJson<IncidentDetail>(service, `/v1/incidents/${encodeURIComponent(id)}`);
}

export function health(service: RunningService): Promise<Health> {
  return getJson<Health>(service, '/v1/health');
}

/** Reads until `ok` holds; throws with the last value after `wallMs` of wall time. */
export async function until<T>(
  what: string,
  read: () => Promise<T>,
  ok: (value: T) => boolean,
  wallMs = 30_000,
): Promise<T> {
  const end = Date.now() + wallMs;
  for (;;) {
    const value = await read();
    if (ok(value)) return value;
    if (Date.now() > end)
      throw new Error(`timed out waiting for ${what}; last: ${JSON.stringify(value)}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
