/** Says when the fake provider's scenario enters its next phase (its clock runs 15× faster). */
import { DEMO_PHASES_S, DEMO_TIME_SCALE } from './demo-scenario.js';

const PHASES: ReadonlyArray<readonly [number, string]> = [
  [0, 'normal traffic'],
  [
    DEMO_PHASES_S.normal,
    'overload — the fake Anthropic API starts answering 45% of Opus calls with 529',
  ],
  [
    DEMO_PHASES_S.normal + DEMO_PHASES_S.overload,
    'recovered — the fake Anthropic API is healthy again',
  ],
];

/**
 * Returns a function to call with the wall time now and then; it calls `say` once per phase
 * entered since the scenario began at `wallStartMs`, with the wall time the phase began.
 */
export function phaseAnnouncer(
  wallStartMs: number,
  say: (phaseWallMs: number, text: string) => void,
): (wallMs: number) => void {
  let next = 0;
  return (wallMs) => {
    for (let p = PHASES[next]; p !== undefined; p = PHASES[next]) {
      const atMs = wallStartMs + (p[0] * 1000) / DEMO_TIME_SCALE;
      if (wallMs < atMs) return;
      say(atMs, p[1]);
      next++;
    }
  };
}
