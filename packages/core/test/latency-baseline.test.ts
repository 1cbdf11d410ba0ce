// No latency verdict before a scope's latency baseline has enough recent healthy data behind it.
import { describe, expect, it } from 'vitest';
import { createEngine, isStatusObservation, type CallRecord, type Incident } from '../src/index.js';
import { LatencyBaseline, READY_WEIGHT } from '../src/engine/latency-baseline.js';
import { fail, MIN, T0, traffic, type Fault } from './traffic.js';

const verdicts = (
  faults: Fault[],
  minutes: number,
  models?: Parameters<typeof traffic>[0]['models'],
) => {
  const engine = createEngine();
  for (const { record, timeMs } of traffic({ minutes, faults, ...(models && { models }) }))
    engine.ingest(record, timeMs);
  engine.tick(T0 + minutes * MIN);
  return engine.incidents().map((i: Incident) => `${i.layer}/${i.reason} ${i.provider ?? '*'}`);
};
const times =
  (k: number) =>
  (r: CallRecord): CallRecord => ({
    ...r,
    duration_ms: Math.round((r.duration_ms ?? 1000) * k),
  });
const minute = (r: CallRecord): number => ((r.ts as number) - T0) / MIN;
const all = (): boolean => true;

describe('latency baselines', () => {
  it('learn a plain mean at first, and are ready only with a minute of recent healthy data', () => {
    const b = new LatencyBaseline();
    b.learn(200);
    b.learn(1000);
    const keep = Math.pow(0.5, 1 / 180); // the value's half-life: 180 buckets, 30 minutes
    expect(b.valueMs).toBeCloseTo((200 * keep + 1000) / (keep + 1), 6);
    expect(b.ready).toBe(false);
    for (let i = 0; i < 6; i++) b.learn(1000);
    expect(b.weight).toBeGreaterThanOrEqual(READY_WEIGHT);
    expect(b.ready).toBe(true);
    for (let i = 0; i < 60; i++) b.fade();
    expect(b.ready).toBe(false);
    expect(b.valueMs).toBeGreaterThan(900);
  });

  it('do not learn a creep once settled, and relearn a shift that lasts', () => {
    const b = new LatencyBaseline();
    for (let i = 0; i < 30; i++) b.offer(1000);
    b.offer(2500);
    expect(b.valueMs).toBeCloseTo(1000, 6);
    for (let i = 0; i < 120; i++) b.offer(2500);
    expect(b.ready).toBe(true);
    expect(b.valueMs).toBeGreaterThan(1500);
  });

  it('raise no slow verdict on a fresh file whose first calls were fast', () => {
    // warm caches: the first 30 s answer in a fifth of the usual time
    expect(verdicts([{ fromMin: 0, toMin: 0.5, match: all, apply: times(0.2) }], 12)).toEqual([]);
  });

  it('raise no slow verdict on a model that a failover starts sending traffic to', () => {
    const onlyLater = (r: CallRecord): boolean => r.model !== 'gpt-5.1' || minute(r) >= 10;
    const recs = traffic({
      minutes: 30,
      faults: [
        {
          fromMin: 10,
          toMin: 20,
          match: (r) => r.provider === 'anthropic',
          apply: fail.overloaded,
        },
        { fromMin: 10, toMin: 10.4, match: (r) => r.model === 'gpt-5.1', apply: times(0.25) },
      ],
    }).filter(({ record }) => isStatusObservation(record) || onlyLater(record));
    const engine = createEngine();
    for (const { record, timeMs } of recs) engine.ingest(record, timeMs);
    engine.tick(T0 + 30 * MIN);
    expect(engine.incidents().map((i) => `${i.layer}/${i.reason} ${i.provider}`)).toEqual([
      'provider/overloaded anthropic',
    ]);
  });

  it('raise no slow verdict on a baseline an incident kept from learning while the mix shifted', () => {
    // Our deploy breaks 60% of OpenAI requests for 20 minutes; 12 minutes in, the answered
    // calls become 3.5× longer (another app's prompts) and stay so after the fix.
    let n = 0;
    const broken = (r: CallRecord): CallRecord => {
      const shifted = minute(r) >= 22 ? times(3.5)(r) : r;
      return n++ % 5 < 3 ? fail.badRequest(shifted) : shifted;
    };
    const openai = (r: CallRecord): boolean => r.provider === 'openai';
    const found = verdicts(
      [
        { fromMin: 10, toMin: 30, match: openai, apply: broken },
        { fromMin: 30, toMin: 45, match: openai, apply: times(3.5) },
      ],
      45,
    );
    expect(found).toEqual(['integration/bad_request openai']);
  });

  it('still raise a slow verdict on a settled baseline', () => {
    const found = verdicts(
      [{ fromMin: 10, toMin: 20, match: (r) => r.provider === 'openai', apply: times(4) }],
      30,
    );
    expect(found).toEqual(['provider/slow openai']);
  });
});
