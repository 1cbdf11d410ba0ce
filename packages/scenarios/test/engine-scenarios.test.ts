// The engine against the scenario library: every incident attributed exactly, detected within a
// minute (none over five), resolved within five minutes of the fault's end, one per fault, and
// nothing where nothing belongs.
import { describe, expect, it } from 'vitest';
import { createEngine, parseTimestamp, type Incident } from '@faultline/core';
import { SCENARIOS, type GeneratedScenario } from '../src/index.js';

function diagnose(g: GeneratedScenario): Incident[] {
  const engine = createEngine();
  for (const r of g.records) engine.ingest(r, parseTimestamp(r.ts)!);
  engine.tick(g.toMs);
  return engine.incidents();
}

const delays: number[] = [];

describe.each([1, 2])('scenario library, seed %i', (seed) => {
  for (const s of SCENARIOS) {
    it(`${s.name}: ${s.description.slice(0, 80)}`, () => {
      const g = s.generate({ seed });
      const found = diagnose(g);
      expect(
        found.map(({ layer, owner, reason, scope, provider, models }) => ({
          layer,
          owner,
          reason,
          scope,
          provider,
          models,
        })),
      ).toEqual(
        g.truth.map(({ layer, owner, reason, scope, provider, models }) => ({
          layer,
          owner,
          reason,
          scope,
          provider,
          models: [...models].sort(),
        })),
      );
      g.truth.forEach((t, k) => {
        const i = found[k]!;
        const detectedAfterS = (Date.parse(i.detected_at) - t.startMs) / 1000;
        delays.push(detectedAfterS);
        expect(detectedAfterS).toBeGreaterThanOrEqual(0);
        expect(detectedAfterS).toBeLessThanOrEqual(300);
        expect(Math.abs(Date.parse(i.started_at) - t.startMs)).toBeLessThanOrEqual(30_000);
        expect(i.resolved_at).not.toBeNull();
        const resolvedAfterS = (Date.parse(i.resolved_at!) - t.endMs) / 1000;
        expect(resolvedAfterS).toBeGreaterThan(0);
        expect(resolvedAfterS).toBeLessThanOrEqual(300);
        expect(i.evidence.length).toBeGreaterThan(0);
        expect(i.confidence).toBeGreaterThan(0.5);
      });
    });
  }
});

describe('detection delay over the library', () => {
  it('has a median of at most 60 s of record time', () => {
    expect(delays.length).toBeGreaterThan(20);
    const sorted = [...delays].sort((a, b) => a - b);
    expect(sorted[Math.floor(sorted.length / 2)]).toBeLessThanOrEqual(60);
  });
});
