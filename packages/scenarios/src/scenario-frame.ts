/** The time frame of one generated scenario: options resolved, fault windows placed, truth built. */
import type { TrafficOptions, TruthIncident } from './generated-scenario.js';

/** Resolved traffic options and the stream's time range. */
export interface ScenarioFrame {
  readonly seed: number;
  readonly ratePerSec: number;
  readonly fromMs: number;
  readonly toMs: number;
}

/** A fault window: start inclusive, end exclusive. */
export interface TimeWindow {
  readonly startMs: number;
  readonly endMs: number;
}

/** 2026-11-18T13:30:00Z, a Wednesday afternoon in Europe and morning in the US. */
export const DEFAULT_START_MS = Date.UTC(2026, 10, 18, 13, 30);
/** Default stream length: faults sit in the middle with normal traffic around them. */
export const DEFAULT_DURATION_MS = 50 * 60_000;
/** Default mean rate; ~10 req/s at the default time of day, ≥ 1 req/s for the smallest model. */
export const DEFAULT_RATE_PER_SEC = 7;

/** Fills options from the caller, then the scenario's defaults, then the library's. */
export function resolveFrame(
  options: TrafficOptions | undefined,
  defaults: TrafficOptions,
): ScenarioFrame {
  const fromMs = options?.startMs ?? defaults.startMs ?? DEFAULT_START_MS;
  const durationMs = options?.durationMs ?? defaults.durationMs ?? DEFAULT_DURATION_MS;
  if (!(durationMs > 0)) throw new RangeError(`durationMs must be positive, got ${durationMs}`);
  return {
    seed: options?.seed ?? defaults.seed ?? 1,
    ratePerSec: options?.ratePerSec ?? defaults.ratePerSec ?? DEFAULT_RATE_PER_SEC,
    fromMs,
    toMs: fromMs + durationMs,
  };
}

/**
 * A window of `lengthMs` whose centre sits at `centre` (0..1) of the frame. A frame too short for
 * it shrinks the window to half the frame, so that normal traffic surrounds every fault.
 */
export function windowAt(frame: ScenarioFrame, lengthMs: number, centre = 0.5): TimeWindow {
  const spanMs = frame.toMs - frame.fromMs;
  const length = Math.min(lengthMs, spanMs / 2);
  const mid = frame.fromMs + spanMs * centre;
  const startMs = Math.round(
    Math.max(frame.fromMs, Math.min(frame.toMs - length, mid - length / 2)),
  );
  return { startMs, endMs: Math.round(startMs + length) };
}

/** A truth incident over a window; models are copied and sorted. */
export function truthIncident(
  window: TimeWindow,
  fields: Omit<TruthIncident, 'startMs' | 'endMs' | 'models'> & { models: readonly string[] },
): TruthIncident {
  return {
    ...fields,
    models: [...fields.models].sort(),
    startMs: window.startMs,
    endMs: window.endMs,
  };
}
