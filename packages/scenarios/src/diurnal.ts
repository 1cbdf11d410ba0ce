/** Arrivals over the day: a diurnal sinusoid with Poisson (exponential-gap) jitter. */
import type { Rng } from './rng.js';

const DAY_MS = 86_400_000;
/** Busiest hour, UTC: US morning overlaps European afternoon. */
const PEAK_HOUR_UTC = 16;
const AMPLITUDE = 0.6;

/**
 * Multiplier of the mean request rate at a given time: from 0.4 at 04:00 UTC to 1.6 at 16:00 UTC;
 * it averages 1 over a day.
 */
export function diurnalFactor(tsMs: number): number {
  const hour = (((tsMs % DAY_MS) + DAY_MS) % DAY_MS) / 3_600_000;
  return 1 + AMPLITUDE * Math.cos((2 * Math.PI * (hour - PEAK_HOUR_UTC)) / 24);
}

/**
 * The next arrival after `tsMs` for a Poisson process whose rate follows the day
 * (`meanRatePerSec` × `diurnalFactor`). The rate moves slowly, so sampling it at `tsMs` is enough.
 */
export function nextArrivalMs(tsMs: number, meanRatePerSec: number, rng: Rng): number {
  const ratePerMs = (meanRatePerSec * diurnalFactor(tsMs)) / 1000;
  return tsMs - Math.log(1 - rng.next()) / ratePerMs;
}
