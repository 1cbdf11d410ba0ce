/** Pure helpers of the incident series: percentiles and a status page's changes from its readings. */

/** Nearest-rank percentile (`q` in 0..1) of `values`, `null` when empty. */
export function percentile(values: readonly number[], q: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil(q * sorted.length));
  return sorted[rank - 1]!;
}

/** A status page moving to a new state, as Faultline first saw it and as the page claims. */
export interface StatusChange {
  /** When Faultline first read the new state (`first_seen`, else the reading's `ts`). */
  readonly seenMs: number;
  /** When the page says it began (`page_started_at`, else `page_posted_at`); `null` if it says not. */
  readonly claimedMs: number | null;
  readonly provider: string;
  readonly component: string;
  /** The page's own word: `operational`, `partial_outage`, … */
  readonly status: string;
  readonly incident: string | null;
}

function ms(v: unknown): number {
  if (typeof v === 'number') return v;
  return typeof v === 'string' ? Date.parse(v) : NaN;
}

function claimed(r: Readonly<Record<string, unknown>>): number | null {
  if (r.status === 'operational') return null;
  const at = [r.page_started_at, r.page_posted_at].map(ms).find((t) => !Number.isNaN(t));
  return at ?? null;
}

/**
 * The changes among `kind: "status"` records, per provider and component, in time order: a reading
 * whose status differs from the one before it. The first reading of a component counts as a change
 * only when it is not `operational` (the page was already showing a problem).
 */
export function statusChanges(
  records: readonly Readonly<Record<string, unknown>>[],
): StatusChange[] {
  const readings = records
    .filter((r) => r.kind === 'status' && !Number.isNaN(ms(r.ts)))
    .map((r) => ({ r, at: ms(r.ts) }))
    .sort((a, b) => a.at - b.at);
  const last = new Map<string, string>();
  const out: StatusChange[] = [];
  for (const { r, at } of readings) {
    const key = `${String(r.provider)}\u0000${String(r.component)}`;
    const status = String(r.status);
    const before = last.get(key);
    last.set(key, status);
    if (before === status || (before === undefined && status === 'operational')) continue;
    const seen = ms(r.first_seen);
    out.push({
      seenMs: Number.isNaN(seen) ? at : Math.min(seen, at),
      claimedMs: claimed(r),
      provider: String(r.provider),
      component: String(r.component),
      status,
      incident: typeof r.incident === 'string' ? r.incident : null,
    });
  }
  return out;
}
