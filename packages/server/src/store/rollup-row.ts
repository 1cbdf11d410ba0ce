/**
 * Per-minute rollups (issue 14): one row per minute, provider and model, kept for 90 days after
 * the raw records are gone, so history reads counts instead of records. Every field adds up, so
 * rows of one minute merge by addition and minutes sum into hours and days.
 */

/** Upper bounds (ms, inclusive) of the latency buckets; one more bucket holds everything above. */
export const ROLLUP_LATENCY_BOUNDS_MS: readonly number[] = [
  100, 200, 300, 500, 750, 1000, 1500, 2000, 3000, 5000, 7500, 10_000, 15_000, 20_000, 30_000,
  60_000,
];

/** Failed calls per failure layer (diagnosis.md's four layers). */
export interface RollupFailures {
  readonly integration: number;
  readonly network: number;
  readonly provider: number;
  readonly model: number;
}

/** One minute of one provider and model. */
export interface RollupRow {
  /** The minute's start, epoch ms (a multiple of 60,000). */
  readonly minuteMs: number;
  readonly provider: string;
  readonly model: string;
  /** Call records (app traffic and probes) that started in the minute. */
  readonly calls: number;
  /** Of those, calls probes made. */
  readonly probeCalls: number;
  readonly failures: RollupFailures;
  /**
   * Successful calls' `duration_ms` counted per bucket of {@link ROLLUP_LATENCY_BOUNDS_MS} (the
   * last count: above the last bound); `ROLLUP_LATENCY_BOUNDS_MS.length + 1` numbers.
   */
  readonly latency: readonly number[];
}

/** A query on rollups: `fromMs` inclusive, `toMs` exclusive, optionally one provider or model. */
export interface RollupQuery {
  readonly fromMs: number;
  readonly toMs: number;
  readonly provider?: string | undefined;
  readonly model?: string | undefined;
}

/** The empty latency histogram. */
export function emptyLatency(): number[] {
  return new Array<number>(ROLLUP_LATENCY_BOUNDS_MS.length + 1).fill(0);
}

/** `a + b`, field by field (same minute and scope assumed: `a`'s are kept). */
export function addRollups(a: RollupRow, b: RollupRow): RollupRow {
  const latency = emptyLatency().map((_, i) => (a.latency[i] ?? 0) + (b.latency[i] ?? 0));
  return {
    minuteMs: a.minuteMs,
    provider: a.provider,
    model: a.model,
    calls: a.calls + b.calls,
    probeCalls: a.probeCalls + b.probeCalls,
    failures: {
      integration: a.failures.integration + b.failures.integration,
      network: a.failures.network + b.failures.network,
      provider: a.failures.provider + b.failures.provider,
      model: a.failures.model + b.failures.model,
    },
    latency,
  };
}

/** Reads a stored latency column (JSON array); a damaged one reads as empty. */
export function parseLatency(text: string): number[] {
  try {
    const value: unknown = JSON.parse(text);
    if (Array.isArray(value) && value.length === ROLLUP_LATENCY_BOUNDS_MS.length + 1)
      return value.map((n) => (typeof n === 'number' && Number.isFinite(n) ? n : 0));
  } catch {
    // fall through
  }
  return emptyLatency();
}

/** A rollup as both SQL adapters store it: one column per count, the histogram as JSON text. */
export interface StoredRollup {
  minute_ms: number;
  provider: string;
  model: string;
  calls: number;
  probe_calls: number;
  f_integration: number;
  f_network: number;
  f_provider: number;
  f_model: number;
  latency: string;
}

/** The columns of the `rollups` table, in {@link StoredRollup}'s order. */
export const ROLLUP_COLUMNS =
  'minute_ms, provider, model, calls, probe_calls, f_integration, f_network, f_provider, f_model, latency';

/** A stored row read back. */
export function fromStoredRollup(s: StoredRollup): RollupRow {
  return {
    minuteMs: s.minute_ms,
    provider: s.provider,
    model: s.model,
    calls: s.calls,
    probeCalls: s.probe_calls,
    failures: {
      integration: s.f_integration,
      network: s.f_network,
      provider: s.f_provider,
      model: s.f_model,
    },
    latency: parseLatency(s.latency),
  };
}
