/**
 * The read API answered from a report file's embedded data instead of the network: the same
 * paths and query parameters as the served dashboard uses (server-api.md), read-only.
 */

/** What the answers are made from: the parts of the report's data (report-data.ts) they read. */
export interface ReportSource {
  readonly to: string | null;
  readonly incidents: readonly { readonly id: string }[];
  readonly window_records: readonly Record<string, unknown>[];
}

const DETAIL_ONLY = new Set(['events', 'updates', 'notifications']);

/** Thrown for a path the report cannot answer (it holds no health, tokens or live state). */
export class NotInReport extends Error {
  override readonly name = 'NotInReport';
}

/** `GET path` as the service would answer it, from the report's data. */
export function reportJson(data: ReportSource, path: string): unknown {
  const url = new URL(path, 'http://report.invalid');
  const one = /^\/v1\/incidents\/([^/]+)$/.exec(url.pathname);
  if (one?.[1] !== undefined) {
    const id = decodeURIComponent(one[1]);
    const found = data.incidents.find((i) => i.id === id);
    if (found === undefined)
      throw new NotInReport(`no incident ${JSON.stringify(id)} in this report`);
    return found;
  }
  if (url.pathname === '/v1/incidents') {
    // As the list gives them: without the detail's events, updates and notifications.
    const incidents = data.incidents.map((i) =>
      Object.fromEntries(Object.entries(i).filter(([k]) => !DETAIL_ONLY.has(k))),
    );
    return { incidents, next_cursor: null };
  }
  if (url.pathname === '/v1/health') return { at: data.to, providers: [] };
  throw new NotInReport(`${url.pathname} is not part of this report`);
}

/**
 * `GET /v1/records?query` from the embedded records: `from` (inclusive) and `to` (exclusive) on
 * `ts`, `provider`, `model`, `layer`, `source`, `kind` (`call` by default), `limit` (default 1000, at most 10000), in `ts` order. An
 * absent `from` or `to` leaves that side open (a report has no "now" to count 24 hours back
 * from). The CLI keeps at most 10000 records of each kind per incident, sampled evenly past that.
 */
export function reportRecords(
  data: ReportSource,
  query: URLSearchParams,
): Record<string, unknown>[] {
  const from = timeOf(query.get('from'), -Infinity);
  const to = timeOf(query.get('to'), Infinity);
  const kind = query.get('kind') ?? 'call';
  const limit = Math.min(Math.max(1, Number(query.get('limit') ?? 1000) || 1000), 10_000);
  const equal: Array<[string, string]> = [];
  for (const k of ['provider', 'model', 'source'] as const) {
    const v = query.get(k);
    if (v !== null) equal.push([k, v]);
  }
  const layer = query.get('layer');
  const out: Record<string, unknown>[] = [];
  for (const r of data.window_records) {
    if (out.length >= limit) break;
    const t = Date.parse(String(r.ts));
    if (!(t >= from && t < to)) continue;
    if ((r.kind === 'status' ? 'status' : 'call') !== kind) continue;
    if (!equal.every(([k, v]) => r[k] === v)) continue;
    if (layer !== null && (r.classification as { layer?: string } | undefined)?.layer !== layer)
      continue;
    out.push(r);
  }
  return out;
}

function timeOf(text: string | null, otherwise: number): number {
  if (text === null) return otherwise;
  const t = Date.parse(text);
  return Number.isNaN(t) ? otherwise : t;
}
