// The fake pages carry every field the hand-composed fixtures of status-pages.md §8 have.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { startFakeProvider, type FakeProvider } from '../../src/index.js';
import { dig } from '../helpers.js';

// Copies of the composed fixtures in shared/reference/fixtures/statuspage (status-pages.md §8).
const FIXTURES = fileURLToPath(new URL('./fixtures', import.meta.url));
const fixture = (name: string): unknown => JSON.parse(readFileSync(`${FIXTURES}/${name}`, 'utf8'));

let fake: FakeProvider | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

/** Keys of `expected` missing from `actual`, recursively through the first element of arrays. */
function missingKeys(expected: unknown, actual: unknown, path = ''): string[] {
  if (Array.isArray(expected)) {
    if (!Array.isArray(actual)) return [`${path}: not an array`];
    if (expected.length === 0 || actual.length === 0) return [];
    return missingKeys(expected[0], actual[0], `${path}[0]`);
  }
  if (typeof expected !== 'object' || expected === null) return [];
  if (typeof actual !== 'object' || actual === null) return [`${path}: not an object`];
  return Object.entries(expected).flatMap(([key, value]) => {
    const a = (actual as Record<string, unknown>)[key];
    if (!(key in actual)) return [`${path}.${key}`];
    // Null in a fixture (a nullable field) says nothing of the shape when filled.
    return value === null || a === null ? [] : missingKeys(value, a, `${path}.${key}`);
  });
}

async function degradedFake(): Promise<FakeProvider> {
  let nowMs = Date.UTC(2026, 9, 14, 14, 0, 0);
  const f = await startFakeProvider({ now: () => nowMs });
  const ids = f.addFaults([
    { provider: 'anthropic', fault: { kind: 'overload' } },
    { provider: 'openai', probability: 0.3, fault: { kind: 'status', status: 500 } },
    { provider: 'google', fault: { kind: 'overload' } },
  ]);
  nowMs += 11 * 60_000;
  f.addFaults({ provider: 'anthropic', fault: { kind: 'status', status: 500 } });
  f.removeFault(ids[0] ?? '');
  nowMs += 11 * 60_000;
  return f;
}

describe('fake status page shapes', () => {
  it('Statuspage summary.json has every field of the degraded fixture', async () => {
    fake = await degradedFake();
    const ours: unknown = await (
      await fetch(`${fake.url}/status/anthropic/api/v2/summary.json`)
    ).json();
    const theirs = fixture('statuspage-summary-degraded.json');
    // The fixture's group row has `components`; the fake has no groups, so compare a leaf.
    const leaf = (dig(theirs, 'components') as unknown[])[1];
    expect(missingKeys({ ...(theirs as object), components: [leaf] }, ours)).toEqual([]);
    expect(
      dig(ours, 'incidents', 0, 'incident_updates', 0, 'affected_components', 0),
    ).toMatchObject({
      code: 'k8w3r06qmzrp',
      new_status: 'major_outage',
    });
  });

  it('Statuspage incidents.json has every field of the resolved fixture once resolved', async () => {
    let nowMs = 0;
    fake = await startFakeProvider({ now: () => nowMs });
    const [id] = fake.addFaults({ provider: 'anthropic', fault: { kind: 'overload' } });
    nowMs += 15 * 60_000;
    fake.removeFault(id ?? '');
    nowMs += 10 * 60_000;
    const ours: unknown = await (
      await fetch(`${fake.url}/status/anthropic/api/v2/incidents.json`)
    ).json();
    expect(missingKeys(fixture('statuspage-incidents-resolved.json'), ours)).toEqual([]);
    expect(dig(ours, 'incidents', 0, 'status')).toBe('resolved');
    expect(dig(ours, 'incidents', 0, 'incident_updates', 0, 'body')).toBe(
      'This incident has been resolved.',
    );
  });

  it('incident.io widget summary has every field of its fixture', async () => {
    fake = await degradedFake();
    const ours: unknown = await (await fetch(`${fake.url}/status/openai/api/v1/summary`)).json();
    const theirs = fixture('incidentio-widget-summary.json') as Record<string, unknown>;
    expect(missingKeys({ ...theirs, scheduled_maintenances: [] }, ours)).toEqual([]);
    expect(dig(ours, 'ongoing_incidents', 0, 'current_worst_impact')).toBe('partial_outage');
  });

  it('Google incidents.json has every field of its fixture, with the product ids', async () => {
    fake = await degradedFake();
    const ours = (await (
      await fetch(`${fake.url}/status/google/incidents.json`)
    ).json()) as unknown[];
    const theirs = fixture('gcloud-incidents.json') as unknown[];
    expect(missingKeys(theirs[0], ours[0])).toEqual([]);
    expect(dig(ours[0], 'affected_products', 0, 'id')).toBe('Z0FZJAMvEB4j3NbCJs6B');
    expect(dig(ours[0], 'status_impact')).toBe('SERVICE_OUTAGE');
  });

  it('answers an unknown path with an HTML 404, as real pages do', async () => {
    fake = await startFakeProvider();
    const res = await fetch(`${fake.url}/status/openai/api/v2/incidents/unresolved.json`);
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    expect((await fetch(`${fake.url}/status/nope/api/v2/summary.json`)).status).toBe(404);
  });
});
