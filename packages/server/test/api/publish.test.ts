// POST /v1/incidents/{id}/updates/{stage}/publish: drafts published as is, edits linted, force.
import { createEngine, draftUpdate, parseTimestamp, toDocumentIncident } from '@faultline/core';
import { generateScenario } from '@faultline/scenarios';
import { describe, expect, it } from 'vitest';
import { publishUpdate } from '../../src/api/publish-route.js';
import { createMemoryStore } from '../../src/store/memory/index.js';
import type { Store } from '../../src/store/port.js';

/** A store holding one real incident (from a scenario) with its identified-stage drafts. */
async function storeWithIncident(): Promise<{ store: Store; id: string; draft: string }> {
  const g = generateScenario('provider-overload', { seed: 1, ratePerSec: 5 });
  const engine = createEngine();
  for (const r of g.records) engine.ingest(r, parseTimestamp(r.ts)!);
  engine.tick(g.toMs);
  const incident = engine.incidents()[0]!;
  const doc = toDocumentIncident(incident);
  const draft = draftUpdate(doc, { stage: 'identified', voice: 'public' });
  const store = createMemoryStore();
  const at = Date.parse(incident.started_at);
  await store.saveIncidentChange({
    incident: {
      id: incident.id,
      state: 'open',
      provider: incident.provider,
      startedAtMs: at,
      endedAtMs: null,
      updatedAtMs: at,
      json: JSON.stringify(doc),
    },
    event: { kind: 'opened', atMs: at, summary: 'opened' },
    updates: [
      { stage: 'identified', voice: 'public', text: draft, draftedAtMs: at },
      { stage: 'identified', voice: 'internal', text: 'internal text', draftedAtMs: at },
    ],
  });
  return { store, id: incident.id, draft };
}

const NOW = Date.parse('2026-12-01T12:00:00.000Z');

describe('publishing an update', () => {
  it('publishes the draft as is, and the detail shows it published', async () => {
    const { store, id, draft } = await storeWithIncident();
    const result = await publishUpdate(store, id, 'identified', {}, NOW);
    expect(result.status).toBe(200);
    expect(JSON.parse(result.body)).toEqual({
      stage: 'identified',
      voice: 'public',
      text: draft,
      drafted_at: expect.stringMatching(/Z$/) as unknown,
      published_at: '2026-12-01T12:00:00.000Z',
    });
    const detail = await store.incident(id);
    expect(detail?.updates.find((u) => u.voice === 'internal')?.publishedAtMs).toBeNull();
  });

  it('refuses vague edited text with 422 and the findings, and publishes it with force', async () => {
    const { store, id } = await storeWithIncident();
    const vague = 'Claude is experiencing degraded performance.';
    const refused = await publishUpdate(store, id, 'identified', { text: vague }, NOW);
    expect(refused.status).toBe(422);
    const body = JSON.parse(refused.body) as {
      error: { code: string };
      findings: { rule: string }[];
    };
    expect(body.error.code).toBe('lint_failed');
    expect(body.findings.map((f) => f.rule)).toContain('vague-wording');
    const forced = await publishUpdate(store, id, 'identified', { text: vague, force: true }, NOW);
    expect(forced.status).toBe(200);
    expect(JSON.parse(forced.body)).toMatchObject({ text: vague });
  });

  it('publishes edited text that names the layer', async () => {
    const { store, id, draft } = await storeWithIncident();
    const edited = `${draft} We will post again within 30 minutes.`;
    const result = await publishUpdate(store, id, 'identified', { text: edited }, NOW);
    expect(result.status).toBe(200);
    expect(JSON.parse(result.body)).toMatchObject({ text: edited });
  });

  it.each([
    ['an unknown stage', 'inc', 'later', {}, 404],
    ['an unknown incident', 'nope', 'identified', {}, 404],
    ['a stage with no draft', 'ID', 'resolved', {}, 404],
    ['text that is not a string', 'ID', 'identified', { text: 3 }, 400],
    ['empty text', 'ID', 'identified', { text: '  ' }, 400],
    ['force that is not a boolean', 'ID', 'identified', { text: 'x', force: 'yes' }, 400],
  ])('refuses %s', async (_what, idOr, stage, body, status) => {
    const { store, id } = await storeWithIncident();
    const result = await publishUpdate(store, idOr === 'ID' ? id : idOr, stage, body, NOW);
    expect(result.status).toBe(status);
    expect(JSON.parse(result.body)).toHaveProperty('error.code');
  });
});
