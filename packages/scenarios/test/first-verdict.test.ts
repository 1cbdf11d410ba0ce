// The first report is the one people act on: where the server's probes of a provider get through
// while the apps' calls to it cannot connect, the incident is ours from the moment it opens, not
// the provider's first and ours a few probes later (issue 10, "egress broken").
import { createEngine, parseTimestamp, type IncidentEvent } from '@faultline/core';
import { describe, expect, it } from 'vitest';
import { generateScenario } from '../src/index.js';

/** Every event the engine emitted over the scenario, in order. */
function events(name: string, seed: number): IncidentEvent[] {
  const g = generateScenario(name, { seed });
  const engine = createEngine();
  const out: IncidentEvent[] = [];
  engine.onChange((e) => out.push(e));
  for (const r of g.records) engine.ingest(r, parseTimestamp(r.ts)!);
  engine.tick(g.toMs);
  return out;
}

const CASES = [
  { name: 'egress-to-one-provider-broken', owner: 'ours', provider: 'anthropic' },
  { name: 'egress-broken-probes-fine', owner: 'ours', provider: null },
  // The control: the probes fail too, so it is the provider's from the first report as well.
  { name: 'provider-dns-failing', owner: 'provider', provider: 'google' },
] as const;

describe.each(CASES)('$name: the first report', ({ name, owner, provider }) => {
  it.each([1, 2, 3, 4, 5, 6])('seed %i: opens as network/%s and never changes owner', (seed) => {
    const all = events(name, seed);
    const first = all[0];
    expect(first?.kind).toBe('opened');
    expect(first?.incident).toMatchObject({ layer: 'network', owner, provider });
    const probe = first?.incident.evidence.find((e) => e.kind === 'probe');
    expect(probe?.kind).toBe('probe');
    if (probe?.kind === 'probe' && owner === 'ours') {
      expect(probe.facts.probes).toBeGreaterThanOrEqual(2);
      expect(probe.facts.failed).toBe(0);
    }
    expect(new Set(all.map((e) => `${e.incident.layer}/${e.incident.owner}`))).toEqual(
      new Set([`network/${owner}`]),
    );
  });
});
