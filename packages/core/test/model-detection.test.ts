// Model-layer faults (HTTP 200, bad output) are raised within a minute at 1 request/s in scope.
import { describe, expect, it } from 'vitest';
import { createEngine, type CallRecord } from '../src/index.js';
import { fail, MIN, T0, traffic } from './traffic.js';

/** 3% of answers cut at max_tokens as normal background, so the model baseline is learned high. */
const truncated = (r: CallRecord): CallRecord => ({ ...r, stop_reason: 'max_tokens' });
const FAULT_MIN = 20;

/** Seconds from the fault's start to the model-layer incident, for one seed. */
function delayS(seed: number, share: number): number | undefined {
  const recs = traffic({
    minutes: 40,
    seed,
    models: [['openai', 'gpt-5.1']],
    faults: [
      { fromMin: FAULT_MIN, toMin: 35, share, match: () => true, apply: fail.empty },
      { fromMin: 0, toMin: 40, share: 0.03, match: () => true, apply: truncated },
    ],
  });
  const engine = createEngine();
  for (const { record, timeMs } of recs) engine.ingest(record, timeMs);
  engine.tick(T0 + 40 * MIN);
  const found = engine.incidents();
  expect(found.map((i) => `${i.layer}/${i.reason}`)).toEqual(['model/empty']);
  return (Date.parse(found[0]!.detected_at) - (T0 + FAULT_MIN * MIN)) / 1000;
}

describe('model-layer detection at 1 request/s', () => {
  it.each([0.35, 0.5, 1])('raises a %s share of empty answers within 60 s, every seed', (share) => {
    const delays = Array.from({ length: 12 }, (_, k) => delayS(k + 1, share)!);
    expect(Math.max(...delays)).toBeLessThanOrEqual(60);
    expect(Math.min(...delays)).toBeGreaterThan(0);
  });
});
