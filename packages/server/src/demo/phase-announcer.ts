/**
 * Says when the fake provider's scenario enters its next phase and when the replay changes speed.
 * The status page's move is not announced here: the server's own reading of it is (verdict-watch).
 */
import type { DemoClock } from './demo-clock.js';
import { DEMO_PHASES_S, DEMO_SPEED_CHANGES } from './demo-scenario.js';

const OVERLOAD_END_S = DEMO_PHASES_S.normal + DEMO_PHASES_S.overload;

/** [record seconds into the replay, what happens then], in order. */
const MOMENTS: ReadonlyArray<readonly [number, string]> = [
  [0, 'phase: normal traffic'],
  [
    DEMO_PHASES_S.normal,
    'phase: overload — the fake Anthropic API answers 45% of Opus calls (and probes) with 529; its status page does not say so yet',
  ],
  ...DEMO_SPEED_CHANGES.map(([s, scale]): readonly [number, string] => [
    s,
    `speed: the replay runs at ${scale}× from here`,
  ]),
  [OVERLOAD_END_S, 'phase: recovered — the fake Anthropic API is healthy again'],
];

const ORDERED = [...MOMENTS].sort((a, b) => a[0] - b[0]);

/**
 * Returns a function to call with the wall time now and then; it calls `say` once per moment
 * passed since the replay began, with the wall time of the moment.
 */
export function phaseAnnouncer(
  clock: DemoClock,
  say: (momentWallMs: number, text: string) => void,
): (wallMs: number) => void {
  let next = 0;
  return (wallMs) => {
    for (let m = ORDERED[next]; m !== undefined; m = ORDERED[next]) {
      const atMs = clock.wallAtS(m[0]);
      if (wallMs < atMs) return;
      say(atMs, m[1]);
      next++;
    }
  };
}
