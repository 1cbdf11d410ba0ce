// Phase lookup by scenario time, with and without loop.
import { describe, expect, it } from 'vitest';
import type { Scenario } from './scenario.js';
import { phaseAt, scenarioElapsedS } from './scenario-clock.js';

const scenario: Scenario = {
  timeScale: 60,
  loop: false,
  phases: [
    { name: 'a', durationS: 60, faults: [] },
    { name: 'b', durationS: 120, faults: [] },
  ],
};

describe('scenario clock', () => {
  it('scales real time by timeScale', () => {
    expect(scenarioElapsedS(scenario, 1000, 3000)).toBe(120);
    expect(scenarioElapsedS(scenario, 1000, 500)).toBe(0);
  });

  it.each([
    [0, 'a', 0],
    [59.9, 'a', 59.9],
    [60, 'b', 0],
    [179, 'b', 119],
  ])('at %d s is in phase %s', (t, name, inPhase) => {
    expect(phaseAt(scenario, t)).toMatchObject({ phase: { name }, phaseElapsedS: inPhase });
  });

  it('ends after the last phase unless looping', () => {
    expect(phaseAt(scenario, 180)).toBeUndefined();
    expect(phaseAt({ ...scenario, loop: true }, 250)).toMatchObject({
      index: 1,
      phaseElapsedS: 10,
    });
  });
});
