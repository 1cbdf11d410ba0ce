// Generation is pure: a seed fixes every record; another seed gives another stream.
import { describe, expect, it } from 'vitest';
import { generateScenario } from '../src/index.js';

const OPTIONS = { durationMs: 20 * 60_000, seed: 7 };

describe('deterministic generation', () => {
  it('gives identical records and truth for the same seed', () => {
    const a = generateScenario('provider-overload', OPTIONS);
    generateScenario('egress-down', { seed: 99, durationMs: 5 * 60_000 }); // no shared state
    const b = generateScenario('provider-overload', OPTIONS);
    expect(JSON.stringify(b)).toBe(JSON.stringify(a));
  });

  it('gives different records for a different seed, with the same truth', () => {
    const a = generateScenario('provider-overload', OPTIONS);
    const b = generateScenario('provider-overload', { ...OPTIONS, seed: 8 });
    expect(b.truth).toEqual(a.truth);
    expect(JSON.stringify(b.records)).not.toBe(JSON.stringify(a.records));
    expect(Math.abs(b.records.length - a.records.length)).toBeLessThan(a.records.length * 0.1);
  });

  it('defaults the seed to 1', () => {
    const a = generateScenario('two-minute-blip', { durationMs: 10 * 60_000 });
    const b = generateScenario('two-minute-blip', { durationMs: 10 * 60_000, seed: 1 });
    expect(b).toEqual(a);
  });
});
