/** Bounds on `faultline scenarios`: the library builds a scenario's records in memory, so size them first. */
import { generateScenario } from '@faultline/scenarios';
import { UsageError } from '@faultline/core';

/** The highest `--rate` accepted, in mean calls per second. */
export const MAX_RATE_PER_SEC = 1000;
/**
 * The most calls (mean rate × seconds) one run may ask for. Records take ~360 bytes of heap each
 * and the busiest hours run at 1.6× the mean, so this keeps a run under about 600 MB; the library's
 * own scenarios need at most ~72,000.
 */
export const MAX_CALLS = 1_000_000;
/** How much default-rate traffic is generated to measure a scenario's own rate. */
const PROBE_MS = 10 * 60_000;
/** A rate so low that a run builds no calls (one every ~30 years): it measures only the length. */
const NO_TRAFFIC_PER_SEC = 1e-9;

/** What the user asked for; absent fields take the scenario's defaults. */
export interface TrafficRequest {
  readonly name: string;
  readonly seed: number | undefined;
  readonly minutes: number | undefined;
  readonly rate: number | undefined;
}

/**
 * Throws a usage error naming the maximum when `--rate` is too high or `--rate` × `--minutes`
 * would build more than {@link MAX_CALLS} calls. A value left to the scenario is measured: its
 * length by a run at almost no traffic, its rate over a short run at its own rate.
 */
export function checkTrafficBudget(request: TrafficRequest): void {
  const { name, seed, minutes, rate } = request;
  if (rate !== undefined && rate > MAX_RATE_PER_SEC) {
    throw new UsageError(
      `--rate must be at most ${MAX_RATE_PER_SEC} calls per second, not ${rate}`,
    );
  }
  if (minutes === undefined && rate === undefined) return; // the scenario's own size
  const base = seed === undefined ? {} : { seed };
  const seconds =
    minutes !== undefined
      ? minutes * 60
      : spanS(generateScenario(name, { ...base, ratePerSec: NO_TRAFFIC_PER_SEC }));
  const perSec =
    rate ??
    generateScenario(name, { ...base, durationMs: Math.min(PROBE_MS, seconds * 1000) }).records
      .length / Math.min(PROBE_MS / 1000, seconds);
  const calls = perSec * seconds;
  if (calls > MAX_CALLS) {
    const what =
      rate === undefined
        ? '--minutes at the scenario rate'
        : minutes === undefined
          ? '--rate over the scenario length'
          : '--rate × --minutes';
    throw new UsageError(
      `${what} asks for about ${Math.round(calls).toLocaleString('en-US')} calls; ` +
        `the most one run may build is ${MAX_CALLS.toLocaleString('en-US')} (mean calls per second × seconds): ` +
        'lower --rate or --minutes',
    );
  }
}

function spanS(g: { readonly fromMs: number; readonly toMs: number }): number {
  return (g.toMs - g.fromMs) / 1000;
}
