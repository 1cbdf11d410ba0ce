// Properties of the breaker over generated histories: recovery is never forgotten, and never flaps.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  createBreaker,
  type BreakerChange,
  type BreakerIncident,
  type BreakerInput,
} from '../src/breaker/index.js';
import * as F from './breaker-fixtures.js';

const CLASSES = [
  F.OK,
  F.OVERLOADED,
  F.RESET,
  F.EMPTY,
  F.BAD_REQUEST,
  F.CONTEXT_LENGTH,
  F.AUTH,
  F.CANCELLED,
];

const incidentArb: fc.Arbitrary<BreakerIncident> = fc.record({
  id: fc.constantFrom('inc-a', 'inc-b', 'inc-c', 'inc-d'),
  layer: fc.constantFrom('provider', 'network', 'model', 'integration'),
  reason: fc.constantFrom('overloaded', 'reset', 'empty', 'bad_request', 'billing'),
  scope: fc.constantFrom('model', 'provider', 'global'),
  provider: fc.constantFrom('anthropic', 'openai', null),
  models: fc.constantFrom(['claude-opus-4-7'], ['claude-haiku-4']),
});

/** One step of an arbitrary history: a gap in ms and an input made at the resulting time. */
const stepArb: fc.Arbitrary<[number, (atMs: number) => BreakerInput]> = fc.tuple(
  fc.integer({ min: 0, max: 20_000 }),
  fc.oneof(
    fc.tuple(fc.constantFrom(...CLASSES), fc.boolean()).map(
      ([c, probe]) =>
        (atMs: number) =>
          F.call(atMs, c, probe),
    ),
    fc
      .tuple(
        incidentArb,
        fc.constantFrom('opened', 'updated', 'reopened', 'resolved') as fc.Arbitrary<'opened'>,
      )
      .map(([incident, event]) => (atMs: number): BreakerInput => ({
        type: 'incident',
        atMs,
        event,
        incident,
      })),
    fc
      .boolean()
      .map((elevated) => (atMs: number): BreakerInput => ({ type: 'scope', atMs, elevated })),
    fc
      .constantFrom('open', 'closed', 'half_open' as const)
      .map((to) => (atMs: number): BreakerInput => ({
        type: 'verdict',
        atMs,
        to,
        why: 'generated',
      })),
  ),
);

describe('breaker properties', () => {
  it('is never left open once the target is healthy and probes succeed for longer than the maximum open time', () => {
    fc.assert(
      fc.property(
        fc.array(stepArb, { maxLength: 60 }),
        fc.integer({ min: 200, max: 10_000 }),
        (history, probeEveryMs) => {
          const b = createBreaker({ target: F.TARGET, ...F.OPTS });
          let t = 0;
          const seen: BreakerInput[] = [];
          for (const [gap, make] of history) {
            t += gap;
            const input = make(t);
            seen.push(input);
            b.observe(input);
            b.admit(t);
          }
          // Healthy from `start`: the scope is normal, probes and calls succeed; the engine may
          // still send updates of incidents it had opened (their quiet period).
          const start = t + 1;
          b.observe({ type: 'scope', atMs: start, elevated: false });
          const replays = seen.filter((i) => i.type === 'incident' && i.event !== 'resolved');
          const end = start + F.OPTS.maxOpenMs + F.OPTS.settleMs + 5 * probeEveryMs;
          for (let at = start, n = 0; at <= end; at += probeEveryMs, n++) {
            b.observe(F.call(at, F.OK, n % 2 === 0));
            const replay = replays[n % Math.max(1, replays.length)];
            if (replay !== undefined && replay.type === 'incident')
              b.observe({ ...replay, event: 'updated', atMs: at });
            if (at > start + F.OPTS.maxOpenMs) expect(b.state.state).not.toBe('open');
          }
          expect(b.state.state).toBe('closed');
        },
      ),
      { numRuns: 300 },
    );
  });

  it('flaps at most once per recovery when the recovery oscillates', () => {
    // A cycle: a good spell (successes every `everyMs`), then a burst of failures 100 ms apart;
    // each cycle is shorter than settleMs, so the target is not yet steadily healthy.
    const cycleArb = fc.record({
      goodMs: fc.integer({ min: 0, max: 12_000 }),
      everyMs: fc.integer({ min: 50, max: 2_000 }),
      burst: fc.integer({ min: 1, max: 8 }),
      failure: fc.constantFrom(F.OVERLOADED, F.RESET, F.EMPTY),
      elevated: fc.option(fc.boolean(), { nil: undefined }),
    });
    fc.assert(
      fc.property(fc.array(cycleArb, { minLength: 1, maxLength: 12 }), (cycles) => {
        const b = createBreaker({ target: F.TARGET, ...F.OPTS });
        const changes: BreakerChange[] = [];
        b.onChange((c) => changes.push(c));
        b.observe({ type: 'incident', atMs: 0, event: 'opened', incident: F.incident() });
        let t = 1_000;
        for (const c of cycles) {
          if (c.elevated !== undefined) b.observe({ type: 'scope', atMs: t, elevated: c.elevated });
          for (const end = t + c.goodMs; t < end; t += c.everyMs) b.observe(F.call(t, F.OK));
          for (let i = 0; i < c.burst; i++, t += 100) b.observe(F.call(t, c.failure));
        }
        b.observe({ type: 'scope', atMs: t, elevated: false });
        const end = t + F.OPTS.maxOpenMs + F.OPTS.settleMs + F.OPTS.flapWindowMs;
        for (; t < end; t += 500) b.observe(F.call(t, F.OK, true));
        const firstClose = changes.findIndex((c) => c.to === 'closed');
        const flaps = changes
          .slice(firstClose + 1)
          .filter((c) => c.from === 'closed' && c.to === 'open');
        expect(firstClose).toBeGreaterThanOrEqual(0);
        expect(flaps.length).toBeLessThanOrEqual(1);
        expect(b.state.state).toBe('closed');
      }),
      { numRuns: 500 },
    );
  });
});
