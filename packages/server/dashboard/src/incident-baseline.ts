/** The latency baseline the incident page draws as a band: learned (evidence facts) or measured before the start. */
import { layerOf, timeOf } from './incident-series.js';
import { percentile } from './incident-points.js';

/** An evidence item as the incident carries it (diagnosis.md `evidence[]`). */
interface EvidenceItem {
  readonly kind: string;
  readonly facts?: Readonly<Record<string, unknown>>;
}

/** Fewer successful calls than this before the start make no honest band. */
const MIN_CALLS = 5;

/** A band from `lowMs` to `highMs` (equal when only one figure is known) and what it is. */
export interface LatencyBand {
  readonly lowMs: number;
  readonly highMs: number;
  readonly source: 'learned' | 'before';
  /** Says where the figures come from, for the legend and screen readers. */
  readonly label: string;
}

function learned(evidence: readonly EvidenceItem[]): LatencyBand | null {
  const by = new Map<string, number>();
  for (const e of evidence) {
    const f = e.facts;
    if (e.kind !== 'latency' || f === undefined) continue;
    if (typeof f.measure === 'string' && typeof f.baseline_ms === 'number')
      by.set(f.measure, f.baseline_ms);
  }
  const p50 = by.get('median_latency');
  const p95 = by.get('p95_latency');
  if (p50 === undefined && p95 === undefined) return null;
  const low = p50 ?? p95!;
  const high = p95 ?? p50!;
  const which =
    p50 !== undefined && p95 !== undefined ? 'median–p95' : p50 !== undefined ? 'median' : 'p95';
  return {
    lowMs: Math.min(low, high),
    highMs: Math.max(low, high),
    source: 'learned',
    label: `learned baseline (${which})`,
  };
}

/**
 * The learned baseline when the incident's latency evidence carries one; otherwise p50–p95 of the
 * successful calls in the window before `startedMs`, labelled so; `null` when neither exists.
 */
export function latencyBand(
  evidence: readonly EvidenceItem[],
  records: readonly Readonly<Record<string, unknown>>[],
  startedMs: number,
): LatencyBand | null {
  const fromFacts = learned(evidence);
  if (fromFacts !== null) return fromFacts;
  const before = records
    .filter(
      (r) =>
        r.kind !== 'status' &&
        r.source !== 'probe' &&
        timeOf(r) < startedMs &&
        layerOf(r) === null &&
        r.aborted_by === undefined &&
        typeof r.duration_ms === 'number',
    )
    .map((r) => r.duration_ms as number);
  if (before.length < MIN_CALLS) return null;
  return {
    lowMs: percentile(before, 0.5)!,
    highMs: percentile(before, 0.95)!,
    source: 'before',
    label: `p50–p95 before the incident (${before.length} calls)`,
  };
}
