// Records the incident page's browser test adds to the burst: a sibling model's latencies, probes, a status page.
import type { CallRecord } from '@faultline/core';

/** A second component of the Gemini status page, read by hand in the incident page's test. */
export const GEMINI_PAGE = { kind: 'status', provider: 'google', component: 'Gemini API' } as const;

/** Healthy calls to a sibling model (latencies for the chart) and failing probes, beside the burst. */
export function besideBurst(startMs: number): CallRecord[] {
  const at = (ms: number): string => new Date(startMs + ms).toISOString();
  const healthy = Array.from({ length: 50 }, (_, i) => ({
    ts: at(i * 200),
    provider: 'google',
    model: 'gemini-2.5-flash',
    duration_ms: 200 + (i % 5) * 50,
    http_status: 200,
    attempt: 1,
    source: 'sdk' as const,
  }));
  const probes = [1000, 4000, 7000].map((ms) => ({
    ts: at(ms),
    provider: 'google',
    model: 'gemini-2.5-pro',
    duration_ms: 300,
    http_status: 500,
    error_type: 'server_error',
    attempt: 1,
    source: 'probe' as const,
  }));
  return [...healthy, ...probes];
}
