/** A scenario's phases laid out on the fake's clock (pure; time is passed in). */
import type { ScenarioPhase } from '../scenario/index.js';
import type { ScenarioRun } from './fault-history.js';

/** A stretch of real (fake-clock) time and the phase active in it, if any. */
export interface PhaseSpan {
  readonly startMs: number;
  readonly endMs: number;
  readonly phase: ScenarioPhase | undefined;
}

/** Spans laid out per call at most; a looping scenario of tiny phases cannot run away. */
const MAX_SPANS = 20_000;

/**
 * The phases of `run` between `fromMs` and `toMs`, in order, covering the whole range: before the
 * start the first phase holds (as `scenarioElapsedS` clamps to 0); after the last phase of a
 * non-looping scenario, no phase.
 */
export function phaseSpans(run: ScenarioRun, fromMs: number, toMs: number): PhaseSpan[] {
  const { scenario } = run;
  const msPerS = 1000 / scenario.timeScale;
  const cycleMs = scenario.phases.reduce((sum, p) => sum + p.durationS, 0) * msPerS;
  const spans: PhaseSpan[] = [];
  if (cycleMs <= 0 || fromMs >= toMs) return spans;
  let cycleStart = run.startedMs;
  if (scenario.loop && fromMs > cycleStart) {
    cycleStart += Math.floor((fromMs - cycleStart) / cycleMs) * cycleMs;
  }
  let first = true;
  while (spans.length < MAX_SPANS) {
    let t = cycleStart;
    for (const phase of scenario.phases) {
      const startMs = first ? Math.min(t, fromMs) : t;
      first = false;
      const endMs = t + phase.durationS * msPerS;
      t = endMs;
      if (endMs <= fromMs) continue;
      if (startMs >= toMs) return spans;
      spans.push({ startMs: Math.max(startMs, fromMs), endMs: Math.min(endMs, toMs), phase });
    }
    if (t >= toMs) return spans;
    if (!scenario.loop) {
      spans.push({ startMs: Math.max(t, fromMs), endMs: toMs, phase: undefined });
      return spans;
    }
    cycleStart = t;
  }
  return spans;
}
