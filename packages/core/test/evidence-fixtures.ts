// Evidence with facts for comms tests: the numbers drafting reads, with the sentence they make.
import { evidence, type Evidence } from '../src/diagnosis/index.js';

/** Error-rate evidence of provider failures with HTTP `status` (and `error`, the body's type). */
export function httpErrors(status: number, error: string | null = null): Evidence {
  return evidence('error_rate', {
    layer: 'provider',
    providers: ['anthropic'],
    models: ['claude-opus-4-7'],
    share: 0.41,
    baseline: 0.003,
    failures: 41,
    calls: 100,
    window_start: '2026-11-22T04:11:00.000Z',
    window_end: '2026-11-22T04:12:00.000Z',
    observed: { kind: 'http_error', status_code: status, error },
  });
}

/** Latency evidence: the median at `ratio` × its baseline of 2.1 s. */
export function slowerBy(ratio: number): Evidence {
  return evidence('latency', {
    provider: 'anthropic',
    models: ['claude-opus-4-7'],
    measure: 'median_latency',
    value_ms: Math.round(2100 * ratio),
    baseline_ms: 2100,
    ratio,
  });
}
