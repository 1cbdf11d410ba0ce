/**
 * An incident window's records as chart series, pure (records in, series out; no DOM, no fetch) so
 * the dashboard and an offline report draw the same thing. Fields per docs/call-record.md.
 */
import { percentile, statusChanges, type StatusChange } from './incident-points.js';

export { statusChanges, type StatusChange } from './incident-points.js';

/** The failure layers of diagnosis.md, in the order the charts list them. */
export const FAILURE_LAYERS = ['integration', 'network', 'provider', 'model'] as const;
export type FailureLayer = (typeof FAILURE_LAYERS)[number];

/** Bucket sizes a chart may use, so its ticks fall on round times. */
const STEPS_MS = [1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 21600, 86400].map(
  (s) => s * 1000,
);
/** At most this many buckets per chart. */
const MAX_BUCKETS = 200;

/** One probe's outcome (`source: "probe"`). */
export interface ProbePoint {
  readonly atMs: number;
  readonly model: string;
  readonly ok: boolean;
  /** The failure layer when it failed. */
  readonly layer: string | null;
}

/** Everything the incident page draws, on one time axis. */
export interface IncidentSeries {
  readonly fromMs: number;
  readonly toMs: number;
  readonly bucketMs: number;
  /** Bucket starts, epoch seconds (uPlot's x). */
  readonly times: number[];
  /** Calls (not probes) per bucket. */
  readonly calls: number[];
  /** Share of the bucket's calls failed at each layer; `null` for a bucket without calls. */
  readonly share: Record<FailureLayer, (number | null)[]>;
  /** Latency (`duration_ms`) of the bucket's successful calls; `null` without any. */
  readonly p50: (number | null)[];
  readonly p95: (number | null)[];
  readonly probes: ProbePoint[];
  readonly status: StatusChange[];
}

/** The smallest round bucket giving at most {@link MAX_BUCKETS} buckets (60–200 for most windows). */
export function bucketMsFor(spanMs: number): number {
  return STEPS_MS.find((s) => spanMs / s <= MAX_BUCKETS) ?? STEPS_MS[STEPS_MS.length - 1]!;
}

/** A record's time in epoch ms (`ts` is RFC 3339 or epoch ms), or NaN. */
export function timeOf(r: Readonly<Record<string, unknown>>): number {
  return typeof r.ts === 'number' ? r.ts : Date.parse(String(r.ts));
}

/** The record's failure layer, `null` when it succeeded (classification `none`). */
export function layerOf(r: Readonly<Record<string, unknown>>): string | null {
  const c = r.classification as { layer?: unknown } | undefined;
  if (typeof c?.layer === 'string') return c.layer === 'none' ? null : c.layer;
  return typeof r.http_status === 'number' && r.http_status >= 400 ? 'provider' : null;
}

function isProbe(r: Readonly<Record<string, unknown>>): boolean {
  return r.source === 'probe';
}

/** Series over `[fromMs, toMs)` from the window's records: calls, probes and status observations. */
export function incidentSeries(
  records: readonly Readonly<Record<string, unknown>>[],
  fromMs: number,
  toMs: number,
): IncidentSeries {
  const bucketMs = bucketMsFor(Math.max(1, toMs - fromMs));
  const first = Math.floor(fromMs / bucketMs) * bucketMs;
  const n = Math.max(1, Math.ceil((toMs - first) / bucketMs));
  const calls = new Array<number>(n).fill(0);
  const failed = new Map(FAILURE_LAYERS.map((l) => [l, new Array<number>(n).fill(0)]));
  const latencies = Array.from({ length: n }, () => [] as number[]);
  const probes: ProbePoint[] = [];
  for (const r of records) {
    if (r.kind === 'status') continue;
    const ms = timeOf(r);
    if (!(ms >= fromMs && ms < toMs)) continue;
    const layer = layerOf(r);
    if (isProbe(r)) {
      probes.push({ atMs: ms, model: String(r.model), ok: layer === null, layer });
      continue;
    }
    const i = Math.floor((ms - first) / bucketMs);
    calls[i]! += 1;
    const counts = layer === null ? undefined : failed.get(layer as FailureLayer);
    if (counts !== undefined) counts[i]! += 1;
    if (layer === null && r.aborted_by === undefined && typeof r.duration_ms === 'number')
      latencies[i]!.push(r.duration_ms);
  }
  const share = Object.fromEntries(
    FAILURE_LAYERS.map((l) => [l, calls.map((c, i) => (c === 0 ? null : failed.get(l)![i]! / c))]),
  ) as Record<FailureLayer, (number | null)[]>;
  return {
    fromMs,
    toMs,
    bucketMs,
    times: calls.map((_, i) => (first + i * bucketMs) / 1000),
    calls,
    share,
    p50: latencies.map((ls) => percentile(ls, 0.5)),
    p95: latencies.map((ls) => percentile(ls, 0.95)),
    probes: probes.sort((a, b) => a.atMs - b.atMs),
    status: statusChanges(records),
  };
}
