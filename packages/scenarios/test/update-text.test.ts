// Every drafted update over the scenario library is lint-clean and claims only what is true.
import {
  createEngine,
  draftUpdate,
  factsOf,
  lintUpdate,
  parseTimestamp,
  UPDATE_STAGES,
  VOICES,
  type Incident,
} from '@faultline/core';
import { describe, expect, it } from 'vitest';
import { SCENARIOS } from '../src/index.js';

function diagnose(seed: number, name: string): { incidents: Incident[]; endIso: string } {
  const g = SCENARIOS.find((s) => s.name === name)!.generate({ seed });
  const engine = createEngine();
  for (const r of g.records) engine.ingest(r, parseTimestamp(r.ts)!);
  engine.tick(g.toMs);
  return { incidents: engine.incidents(), endIso: new Date(g.toMs).toISOString() };
}

/** The provider's models the evidence saw healthy, less any the incident lists as affected. */
function healthySiblings(i: Incident): string[] {
  const named = i.evidence.flatMap((e) => factsOf(e, 'sibling_models')?.models ?? []);
  return named.filter((m) => !i.models.includes(m));
}

/** Sentences (and lines) of `text` said again inside a later or earlier one: none belong. */
function repeats(text: string): string[] {
  const parts = text
    .split(/\n|(?<=\.) /)
    .map((p) => p.replace(/^- /, '').trim())
    .filter((p) => p.length >= 20);
  return parts.filter((p, k) => parts.some((q, j) => j !== k && q.includes(p)));
}

const CASES = [1, 2, 3, 4, 5, 6].flatMap((seed) =>
  SCENARIOS.flatMap((s) => {
    const { incidents, endIso } = diagnose(seed, s.name);
    return incidents.flatMap((incident) =>
      UPDATE_STAGES.flatMap((stage) =>
        VOICES.map((voice) => ({
          label: `seed ${seed} ${s.name} ${incident.layer}/${incident.reason} ${stage} ${voice}`,
          incident,
          text: draftUpdate(incident, { stage, voice, now: endIso }),
          stage,
          voice,
        })),
      ),
    );
  }),
);

describe('updates over the scenario library', () => {
  it('covers every stage and voice of many incidents', () => {
    expect(CASES.length).toBeGreaterThan(100);
  });

  it.each(CASES)('$label', ({ incident, text, voice }) => {
    expect(lintUpdate(text, { incident }).findings).toEqual([]);
    expect(repeats(text)).toEqual([]);
    if (voice === 'internal') return;
    if (/other models (from|of) /i.test(text)) expect(healthySiblings(incident)).not.toEqual([]);
    if (/other providers/i.test(text))
      expect(incident.evidence.some((e) => e.kind === 'cross_provider')).toBe(true);
    if (/our own service/i.test(text)) expect(incident.owner).not.toBe('ours');
    if (incident.layer === 'provider' || incident.layer === 'integration')
      expect(text).toMatch(/not a change in model quality|output quality is not the problem/);
  });
});
