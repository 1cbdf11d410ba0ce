// Scenario parsing: YAML and JSON, defaults, durations, and one error listing every problem.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isConfigError } from '../validation/index.js';
import { loadScenario, parseScenario } from './parse-scenario.js';

const YAML = `
name: outage drill
timeScale: 60
seed: 7
phases:
  - name: calm
    duration: 90s
    faults: []
  - name: storm
    duration: 5m
    faults:
      - provider: anthropic
        model: "claude-*"
        stream: true
        probability: 0.25
        fault: { kind: stream_error, afterTokens: 10 }
  - name: tail
    duration: 1h
`;

function problemsOf(run: () => unknown): readonly string[] {
  try {
    run();
  } catch (e: unknown) {
    if (isConfigError(e)) return e.problems;
    throw e;
  }
  throw new Error('expected a ConfigError');
}

describe('parseScenario', () => {
  it('reads YAML, normalizing durations to seconds and filling defaults', () => {
    const s = parseScenario(YAML);
    expect(s).toMatchObject({ name: 'outage drill', timeScale: 60, loop: false, seed: 7 });
    expect(s.phases.map((p) => [p.name, p.durationS])).toEqual([
      ['calm', 90],
      ['storm', 300],
      ['tail', 3600],
    ]);
    expect(s.phases[1]?.faults[0]).toEqual({
      provider: 'anthropic',
      model: 'claude-*',
      stream: true,
      probability: 0.25,
      fault: { kind: 'stream_error', afterTokens: 10 },
    });
    expect(s.phases[2]?.faults).toEqual([]);
  });

  it('reads JSON, with numeric durations as seconds', () => {
    const s = parseScenario(
      JSON.stringify({
        phases: [{ name: 'only', duration: 12.5, faults: [{ fault: { kind: 'reset' } }] }],
      }),
      'json',
    );
    expect(s).toMatchObject({
      timeScale: 1,
      loop: false,
      phases: [{ name: 'only', durationS: 12.5 }],
    });
    expect(s.name).toBeUndefined();
  });

  it('lists every problem as path: problem in one error', () => {
    const problems = problemsOf(() =>
      parseScenario(`
timeScale: -1
colour: blue
phases:
  - name: a
    duration: 10s
    faults: [{ fault: { kind: overload, retryAfterS: -3 } }]
  - duration: forever
    faults:
      - fault: { kind: boom }
      - provider: anthropic
      - fault: { kind: drop }
`),
    );
    expect(problems).toEqual([
      'timeScale: must be a positive number',
      'colour: unknown field',
      'phases[0].faults[0].fault.retryAfterS: must be a non-negative number',
      'phases[1].duration: must be positive seconds or a duration such as "90s", "5m", "1h"',
      'phases[1].name: is required',
      'phases[1].faults[0].fault.kind: unknown kind "boom"',
      'phases[1].faults[1].fault: is required',
      'phases[1].faults[2].fault.afterTokens: is required',
    ]);
  });

  it('puts all problems in the error message', () => {
    expect(() => parseScenario('phases: []')).toThrow(
      /invalid scenario:\n {2}phases: must be a non-empty array/,
    );
  });

  it('reports syntax errors at the root', () => {
    expect(problemsOf(() => parseScenario('{"phases": [', 'json'))[0]).toMatch(
      /^\(root\): invalid JSON: /,
    );
    expect(problemsOf(() => parseScenario('phases: [a,\n b'))[0]).toMatch(
      /^\(root\): invalid YAML: /,
    );
    expect(problemsOf(() => parseScenario('just text'))).toEqual(['(root): must be an object']);
  });

  it('loads files, choosing the format by extension', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'fake-provider-'));
    try {
      await writeFile(join(dir, 's.yaml'), YAML);
      await writeFile(join(dir, 's.json'), '{"phases":[{"name":"x","duration":"1m"}]}');
      expect((await loadScenario(join(dir, 's.yaml'))).phases).toHaveLength(3);
      expect((await loadScenario(join(dir, 's.json'))).phases[0]?.durationS).toBe(60);
      await writeFile(join(dir, 'bad.json'), '{"phases":[{"name":"x"}]}');
      await expect(loadScenario(join(dir, 'bad.json'))).rejects.toThrow(
        /bad\.json:\n {2}phases\[0\]\.duration: is required/,
      );
    } finally {
      await rm(dir, { recursive: true });
    }
  });
});
