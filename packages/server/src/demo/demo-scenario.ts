/**
 * The demo's incident (shared/reference/incidents.md): a brief Anthropic API overload of
 * claude-opus-4-7 and claude-opus-4-8 while Sonnet and OpenAI work, replayed 15× faster.
 */
import type { FaultRule, Scenario } from '@faultline/fake-provider';

export const DEMO_TIME_SCALE = 15;

/** Scenario seconds, as the phases below lay them out. */
export const DEMO_PHASES_S = { normal: 180, overload: 300, recovered: 240 } as const;

/**
 * Every answer takes 100 ms, as a real API's would. Without it, the demo's callers run as fast as
 * the CPU lets them, so their latency is only queueing: a busy machine (CI running other tests)
 * tripled it, and the engine rightly called that `provider/slow`. With a floor, the machine's load
 * is a small part of each call's time.
 */
const ANSWER_TIME: FaultRule = { fault: { kind: 'latency', ms: 100 } };

export const DEMO_SCENARIO: Scenario = {
  name: 'opus-overload (demo)',
  timeScale: DEMO_TIME_SCALE,
  loop: false,
  seed: 7,
  tokensPerSecond: 0,
  phases: [
    { name: 'normal', durationS: DEMO_PHASES_S.normal, faults: [ANSWER_TIME] },
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
        ANSWER_TIME,
      ],
    },
    { name: 'recovered', durationS: DEMO_PHASES_S.recovered, faults: [ANSWER_TIME] },
  ],
};
