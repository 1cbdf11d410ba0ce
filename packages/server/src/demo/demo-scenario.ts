/**
 * The demo's incident (shared/reference/incidents.md): an Anthropic API overload of
 * claude-opus-4-7 and claude-opus-4-8 while Sonnet and OpenAI work, which Anthropic's (fake)
 * status page lists 9 minutes late, replayed 15× faster (30× through the quiet middle).
 */
import type { Scenario, StatusPageInput } from '@faultline/fake-provider';
import type { ClockStretch } from './demo-clock.js';

/** Scenario seconds, as the phases below lay them out (record time: the fake runs on it). */
export const DEMO_PHASES_S = { normal: 180, overload: 660, recovered: 240 } as const;

/**
 * When (record seconds after the overload starts) the fake Anthropic status page lists it. The
 * server reads it up to a poll (15 s) later and stamps it on its clock, 15 s behind the fake's:
 * the lag it finds is 525–545 s, "9 minutes" with half a minute to spare either way.
 */
export const DEMO_STATUS_LAG_S = 540;

/** Scenario seconds of traffic after the phases, so the engine sees the recovery hold. */
export const DEMO_TAIL_S = 15;

/** Record seconds after the traffic, still on the fast clock: the server judges every record. */
export const DEMO_SETTLE_S = 30;

/** The replay's normal speed; the stretch between `QUIET_S` runs at `QUIET_SCALE`. */
export const DEMO_TIME_SCALE = 15;
const QUIET_SCALE = 30;
/**
 * From two minutes into the overload (opened, identified, widened by then) to half a minute
 * before the page moves, nothing changes but the clock: at 30× those 6½ minutes take 13 s.
 */
const QUIET_S = { from: DEMO_PHASES_S.normal + 120, until: DEMO_PHASES_S.normal + 510 } as const;

const TOTAL_S = DEMO_PHASES_S.normal + DEMO_PHASES_S.overload + DEMO_PHASES_S.recovered;

/** The replay's speeds, for createDemoClock: the traffic ends at TOTAL_S + DEMO_TAIL_S. */
export const DEMO_STRETCHES: readonly ClockStretch[] = [
  { untilS: QUIET_S.from, scale: DEMO_TIME_SCALE },
  { untilS: QUIET_S.until, scale: QUIET_SCALE },
  { untilS: TOTAL_S + DEMO_TAIL_S + DEMO_SETTLE_S, scale: DEMO_TIME_SCALE },
];

/** The quiet stretch, for the phase lines: [record s, speed] at its start and end. */
export const DEMO_SPEED_CHANGES: ReadonlyArray<readonly [number, number]> = [
  [QUIET_S.from, QUIET_SCALE],
  [QUIET_S.until, DEMO_TIME_SCALE],
];

/**
 * Anthropic's page (Statuspage v2, `/status/anthropic`): it lists the overload DEMO_STATUS_LAG_S
 * after it starts, as real pages move late, and clears three minutes after it ends.
 */
export const DEMO_STATUS_PAGE: StatusPageInput = {
  id: 'anthropic',
  lag: DEMO_STATUS_LAG_S,
  recoveryLag: '3m',
};

/** The fake's scenario, at timeScale 1: the fake is given the demo's record clock as its own. */
export const DEMO_SCENARIO: Scenario = {
  name: 'opus-overload (demo)',
  timeScale: 1,
  loop: false,
  seed: 7,
  tokensPerSecond: 0,
  phases: [
    { name: 'normal', durationS: DEMO_PHASES_S.normal, faults: [] },
    {
      name: 'overload',
      durationS: DEMO_PHASES_S.overload,
      faults: [
        {
          provider: 'anthropic',
          model: 'claude-opus-4-*',
          probability: 0.45,
          fault: { kind: 'overload', retryAfterS: 0 },
        },
        {
          provider: 'anthropic',
          model: 'claude-opus-4-*',
          stream: true,
          probability: 0.15,
          fault: { kind: 'stream_error', afterTokens: 2, errorType: 'overloaded_error' },
        },
      ],
    },
    { name: 'recovered', durationS: DEMO_PHASES_S.recovered, faults: [] },
  ],
};
