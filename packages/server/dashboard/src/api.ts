/**
 * The read API as the page sees it: same-origin fetches that the session cookie authorises, or,
 * in a `faultline report` file, answers from the data embedded in the page (no network at all).
 */
import { reportJson, reportRecords } from './report-api.js';
import { reportData } from './report-data.js';

/** One model's verdict now (server-api.md, `GET /v1/health`). */
export interface ModelHealth {
  readonly model: string;
  readonly state: string;
  readonly calls_1m: number;
  readonly failure_share_1m: number;
  readonly breaker: string;
}

/** One provider's verdict now. */
export interface ProviderHealth {
  readonly provider: string;
  readonly state: string;
  readonly status_page: {
    readonly component: string;
    readonly status: string;
    readonly incident?: string | null;
    readonly error?: string;
  } | null;
  readonly models: readonly ModelHealth[];
}

/** One evidence item of an incident (diagnosis.md). */
export interface Evidence {
  readonly kind: string;
  readonly text: string;
  readonly facts?: Readonly<Record<string, unknown>>;
}

/** An incident as `GET /v1/incidents` lists it. */
export interface Incident {
  readonly id: string;
  readonly layer: string;
  readonly owner: string;
  readonly reason: string;
  readonly scope: string;
  readonly provider: string | null;
  readonly models: readonly string[];
  readonly started_at: string;
  readonly detected_at: string;
  readonly resolved_at: string | null;
  readonly affected_calls: number;
  readonly state: 'open' | 'resolved';
  readonly evidence: readonly Evidence[];
}

/** A drafted or published update. */
export interface Update {
  readonly stage: string;
  readonly voice: string;
  readonly text: string;
  readonly drafted_at: string;
  readonly published_at: string | null;
}

/** One breaker change of an incident's scope and window (`breakers` of `GET /v1/incidents/{id}`). */
export interface BreakerChange {
  readonly at: string;
  readonly provider: string;
  readonly model: string;
  /** The breaker's target: a gateway target's name, or `provider/model` for the board's. */
  readonly target: string;
  readonly from: string;
  readonly to: string;
  readonly why: string;
}

/** `GET /v1/incidents/{id}`. */
export interface IncidentDetail extends Incident {
  readonly events: readonly {
    readonly kind: string;
    readonly at: string;
    readonly summary: string;
  }[];
  readonly updates: readonly Update[];
  readonly notifications: readonly {
    readonly channel: string;
    readonly kind: string;
    readonly event: string;
    readonly at: string;
    readonly outcome: string;
    readonly attempts: number;
  }[];
  /** Absent in a `faultline report` file (a replay runs no breakers). */
  readonly breakers?: readonly BreakerChange[];
}

/** A lint finding of a refused update. */
export interface Finding {
  readonly rule: string;
  readonly severity: string;
  readonly message: string;
  readonly excerpt?: string;
}

/** The outcome of publishing: the stored update, or the lint findings that refused it. */
export type PublishResult =
  | { readonly kind: 'published'; readonly update: Update }
  | { readonly kind: 'refused'; readonly message: string; readonly findings: readonly Finding[] };

/** GETs JSON; a 401 sends the browser back to the sign-in form. */
export async function getJson<T>(path: string): Promise<T> {
  const report = reportData();
  if (report !== undefined) return Promise.resolve(reportJson(report, path) as T);
  const res = await fetch(path, { credentials: 'same-origin' });
  if (res.status === 401) window.location.assign('/');
  if (!res.ok) throw new Error(`${path}: HTTP ${res.status}`);
  return (await res.json()) as T;
}

/** GETs the JSON Lines of `/v1/records`. */
export async function getRecords(query: URLSearchParams): Promise<Record<string, unknown>[]> {
  const report = reportData();
  if (report !== undefined) return Promise.resolve(reportRecords(report, query));
  const res = await fetch(`/v1/records?${query.toString()}`, { credentials: 'same-origin' });
  if (!res.ok) throw new Error(`records: HTTP ${res.status}`);
  const text = await res.text();
  return text
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as Record<string, unknown>);
}

/** Publishes one stage's public update, edited or as drafted. */
export async function publish(
  id: string,
  stage: string,
  text: string | undefined,
): Promise<PublishResult> {
  if (reportData() !== undefined)
    return { kind: 'refused', message: 'A report file is read-only.', findings: [] };
  const res = await fetch(
    `/v1/incidents/${encodeURIComponent(id)}/updates/${encodeURIComponent(stage)}/publish`,
    {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'content-type': 'application/json', 'x-faultline-dashboard': '1' },
      body: JSON.stringify(text === undefined ? {} : { text }),
    },
  );
  const body = (await res.json()) as {
    error?: { message: string };
    findings?: Finding[];
  } & Update;
  if (res.ok) return { kind: 'published', update: body };
  return {
    kind: 'refused',
    message: body.error?.message ?? `HTTP ${res.status}`,
    findings: body.findings ?? [],
  };
}
