/** Counts stored call records into per-minute rollup rows: pure, no I/O. */
import type { RollupRow, StoredRecord } from '../store/port.js';
import { emptyLatency, ROLLUP_LATENCY_BOUNDS_MS } from '../store/rollup-row.js';

const MINUTE_MS = 60_000;

interface Counts {
  minuteMs: number;
  provider: string;
  model: string;
  calls: number;
  probeCalls: number;
  integration: number;
  network: number;
  provider_: number;
  model_: number;
  latency: number[];
}

/** The latency bucket of `ms`: the first bound at or above it, else the last bucket. */
export function latencyBucket(ms: number): number {
  const i = ROLLUP_LATENCY_BOUNDS_MS.findIndex((bound) => ms <= bound);
  return i === -1 ? ROLLUP_LATENCY_BOUNDS_MS.length : i;
}

/** `duration_ms` of a stored record's JSON, when it is a finite non-negative number. */
function durationOf(json: string): number | undefined {
  try {
    const value = (JSON.parse(json) as { duration_ms?: unknown }).duration_ms;
    return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : undefined;
  } catch {
    return undefined;
  }
}

/**
 * One row per minute, provider and model of the call records in `records` (status observations
 * are not counted). A success (`layer` `none`) counts its `duration_ms` in the latency buckets.
 */
export function aggregateRecords(records: readonly StoredRecord[]): RollupRow[] {
  const byKey = new Map<string, Counts>();
  for (const r of records) {
    if (r.kind !== 'call') continue;
    const minuteMs = Math.floor(r.tsMs / MINUTE_MS) * MINUTE_MS;
    const key = `${minuteMs}\u0000${r.provider}\u0000${r.model}`;
    let c = byKey.get(key);
    if (c === undefined) {
      c = {
        minuteMs,
        provider: r.provider,
        model: r.model,
        calls: 0,
        probeCalls: 0,
        integration: 0,
        network: 0,
        provider_: 0,
        model_: 0,
        latency: emptyLatency(),
      };
      byKey.set(key, c);
    }
    c.calls++;
    if (r.source === 'probe') c.probeCalls++;
    if (r.layer === 'integration') c.integration++;
    else if (r.layer === 'network') c.network++;
    else if (r.layer === 'provider') c.provider_++;
    else if (r.layer === 'model') c.model_++;
    else if (r.layer === 'none') {
      const ms = durationOf(r.json);
      if (ms !== undefined) {
        const b = latencyBucket(ms);
        c.latency[b] = (c.latency[b] ?? 0) + 1;
      }
    }
  }
  return [...byKey.values()].map((c) => ({
    minuteMs: c.minuteMs,
    provider: c.provider,
    model: c.model,
    calls: c.calls,
    probeCalls: c.probeCalls,
    failures: {
      integration: c.integration,
      network: c.network,
      provider: c.provider_,
      model: c.model_,
    },
    latency: c.latency,
  }));
}
