// A saved engine resumes exactly: snapshot → JSON → restore → continue equals an uninterrupted run.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  createEngine,
  type CallRecord,
  type Engine,
  type EngineOptions,
  type FaultlineRecord,
  type IncidentEvent,
} from '../src/index.js';
import { fail, MIN, MODELS, T0, traffic, type Fault } from './traffic.js';

type Timed = { record: FaultlineRecord; timeMs: number };

/** An answer that misses its known answer (a golden canary failing). */
const wrongAnswer = (r: CallRecord): CallRecord => ({ ...r, checks: { golden: false } });
const FAILURES = [
  fail.overloaded,
  fail.server,
  fail.badRequest,
  fail.refused,
  fail.empty,
  wrongAnswer,
];
const slow = (r: CallRecord): CallRecord => ({ ...r, duration_ms: (r.duration_ms ?? 1000) * 6 });
/** A call cut at our own (short) deadline: no status, no output. */
const deadline = (r: CallRecord): CallRecord => ({
  ts: r.ts,
  provider: r.provider,
  model: r.model,
  attempt: 1,
  aborted_by: 'timeout',
  timeout_ms: 400,
  duration_ms: 400,
});

/** A fault on one model, one provider or everything, for a few minutes of the stream. */
const faultArb: fc.Arbitrary<Fault> = fc
  .record({
    fromMin: fc.integer({ min: 3, max: 40 }),
    lengthMin: fc.integer({ min: 1, max: 12 }),
    target: fc.oneof(
      fc.constantFrom(...MODELS.map(([, m]) => m)),
      fc.constantFrom('anthropic', 'openai', '*'),
    ),
    share: fc.double({ min: 0.2, max: 1, noNaN: true }),
    apply: fc.constantFrom(...FAILURES, slow, deadline),
  })
  .map(({ fromMin, lengthMin, target, share, apply }) => ({
    fromMin,
    toMin: fromMin + lengthMin,
    share,
    apply,
    match: (r: CallRecord) => target === '*' || r.model === target || r.provider === target,
  }));

/** Realistic streams: steady traffic, noise, faults, a model that falls silent, a status page. */
const streamArb = fc
  .record({
    minutes: fc.integer({ min: 20, max: 55 }),
    seed: fc.integer({ min: 1, max: 1 << 30 }),
    faults: fc.array(faultArb, { maxLength: 3 }),
    silentFromMin: fc.option(fc.integer({ min: 5, max: 30 }), { nil: undefined }),
    statusAtMin: fc.option(fc.integer({ min: 1, max: 50 }), { nil: undefined }),
  })
  .map(({ minutes, seed, faults, silentFromMin, statusAtMin }): Timed[] => {
    const extra: FaultlineRecord[] =
      statusAtMin === undefined
        ? []
        : [
            {
              ts: new Date(T0 + statusAtMin * MIN).toISOString(),
              kind: 'status',
              provider: 'anthropic',
              component: 'Claude API',
              status: 'partial_outage',
            },
          ];
    const recs = traffic({ minutes, seed, faults, extra, ratePerModel: 0.7 });
    // One model stops calling: its scope goes quiet and is evicted while the stream goes on.
    return recs.filter(
      (r) =>
        silentFromMin === undefined ||
        r.timeMs < T0 + silentFromMin * MIN ||
        ('model' in r.record && r.record.model !== 'gpt-4.1-mini'),
    );
  });

/** The default limits, or ones so tight that calls overflow into "other" providers and models. */
const limitsArb = fc.constantFrom<EngineOptions>({}, { maxProviders: 2, maxModelsPerProvider: 1 });

/** Feeds `recs` to `engine`, then lets time pass past the end. */
function feed(engine: Engine, recs: readonly Timed[], endMs?: number): void {
  for (const { record, timeMs } of recs) engine.ingest(record, timeMs);
  if (endMs !== undefined) engine.tick(endMs);
}

const watch = (engine: Engine, into: IncidentEvent[]): void =>
  void engine.onChange((e) => into.push(e));

describe('engine snapshots', () => {
  it('resume exactly: for any stream and cut, the same incidents and events as one run', () => {
    fc.assert(
      fc.property(
        streamArb,
        fc.double({ min: 0, max: 1, noNaN: true }),
        limitsArb,
        (recs, at, limits) => {
          const endMs = recs[recs.length - 1]!.timeMs + 6 * MIN;
          const cut = Math.floor(at * recs.length);
          const whole = createEngine(limits);
          const wholeEvents: IncidentEvent[] = [];
          watch(whole, wholeEvents);
          feed(whole, recs, endMs);

          const first = createEngine(limits);
          const events: IncidentEvent[] = [];
          watch(first, events);
          feed(first, recs.slice(0, cut));
          const saved: unknown = JSON.parse(JSON.stringify(first.snapshot()));
          const resumed = createEngine({
            ...limits,
            initialState: saved as ReturnType<Engine['snapshot']>,
          });
          watch(resumed, events);
          feed(resumed, recs.slice(cut), endMs);

          expect(events).toEqual(wholeEvents);
          expect(resumed.incidents()).toEqual(whole.incidents());
          expect(resumed.warnings()).toEqual(whole.warnings());
          // And the saved state is itself stable: saving the resumed engine at the end matches.
          expect(JSON.parse(JSON.stringify(resumed.snapshot()))).toEqual(
            JSON.parse(JSON.stringify(whole.snapshot())),
          );
        },
      ),
      { numRuns: 25 },
    );
  });

  it('resumes an engine that saw incidents open, so they resolve as they would have', () => {
    const recs = traffic({
      minutes: 40,
      faults: [
        {
          fromMin: 10,
          toMin: 20,
          match: (r) => r.provider === 'anthropic',
          apply: fail.overloaded,
        },
      ],
    });
    const cut = recs.findIndex((r) => r.timeMs >= T0 + 15 * MIN);
    const first = createEngine();
    feed(first, recs.slice(0, cut));
    expect(first.incidents().map((i) => i.status)).toEqual(['open']);
    const saved = JSON.parse(JSON.stringify(first.snapshot())) as ReturnType<Engine['snapshot']>;
    const resumed = createEngine({ initialState: saved });
    feed(resumed, recs.slice(cut), T0 + 41 * MIN);
    expect(resumed.incidents().map((i) => i.status)).toEqual(['resolved']);
  });

  it('is plain versioned data', () => {
    const engine = createEngine();
    feed(engine, traffic({ minutes: 3 }));
    const s = engine.snapshot();
    expect(s.version).toBe(1);
    expect(JSON.parse(JSON.stringify(s))).toEqual(s);
  });

  it('refuses a snapshot of another version, saying which it reads', () => {
    const s = { ...createEngine().snapshot(), version: 2 };
    expect(() => createEngine({ initialState: s as never })).toThrow(
      /engine snapshot version 2 cannot be resumed: this engine reads version 1/,
    );
    expect(() => createEngine({ initialState: {} as never })).toThrow(/version undefined/);
  });
});
