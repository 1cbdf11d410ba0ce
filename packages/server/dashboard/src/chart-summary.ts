/** The charts' summaries in words (figcaption and aria-label): pure, so a report can print them too. */
import type { LatencyBand } from './incident-baseline.js';
import { FAILURE_LAYERS, type FailureLayer, type IncidentSeries } from './incident-series.js';

/** Epoch seconds as `HH:MM:SS UTC`. */
const clock = (seconds: number): string =>
  `${new Date(seconds * 1000).toISOString().slice(11, 19)} UTC`;

/** A share as a whole percentage. */
export const pct = (v: number): string => `${(v * 100).toFixed(0)}%`;

/** The layers with any failure in the window. */
export function failingLayers(s: IncidentSeries): FailureLayer[] {
  return FAILURE_LAYERS.filter((l) => s.share[l].some((v) => v !== null && v > 0));
}

/** "provider layer peaked at 83% at 16:56:30 UTC; 5 of 40 probes failed", for the caption. */
export function failureSummary(s: IncidentSeries): string {
  const parts = failingLayers(s).map((l) => {
    const vals = s.share[l];
    let at = 0;
    vals.forEach((v, i) => (at = (v ?? 0) > (vals[at] ?? 0) ? i : at));
    const when = clock(s.times[at]!);
    return `${l} layer peaked at ${pct(vals[at] ?? 0)} at ${when}`;
  });
  const failed = s.probes.filter((p) => !p.ok).length;
  const probes =
    s.probes.length === 0 ? 'no probes' : `${failed} of ${s.probes.length} probes failed`;
  const calls = s.calls.reduce((a, b) => a + b, 0);
  if (calls === 0) return `No calls in the incident window; ${probes}.`;
  const layers = parts.length === 0 ? 'no layer failed' : parts.join('; ');
  return `Share of calls failed per layer, per ${s.bucketMs / 1000} s: ${layers}; ${probes}.`;
}

/** Milliseconds in words: `850 ms`, `4.2 s`. */
export function ms(v: number): string {
  return v < 1000 ? `${Math.round(v)} ms` : `${(v / 1000).toFixed(1)} s`;
}

/** "p95 peaked at 4.2 s at 16:57:10 UTC (p50 up to 1.1 s) against the learned baseline (…) of 0.9–2.0 s." */
export function latencySummary(s: IncidentSeries, band: LatencyBand | null): string {
  let at = -1;
  s.p95.forEach((v, i) => (at = v !== null && (at === -1 || v > s.p95[at]!) ? i : at));
  if (at === -1) return 'No successful calls in the incident window, so no latency to show.';
  const p50Max = Math.max(...s.p50.map((v) => v ?? 0));
  const when = clock(s.times[at]!);
  const range =
    band === null
      ? 'no baseline known'
      : band.lowMs === band.highMs
        ? `${band.label}: ${ms(band.lowMs)}`
        : `${band.label}: ${ms(band.lowMs)}–${ms(band.highMs)}`;
  return `Latency of successful calls, per ${s.bucketMs / 1000} s: p95 peaked at ${ms(s.p95[at]!)} at ${when} (p50 up to ${ms(p50Max)}); ${range}.`;
}
