// guessStage and proposeRewrite.
import { describe, expect, it } from 'vitest';
import type { IncidentInput as Incident } from '../diagnosis/index.js';
import { draftUpdate } from './draft-update.js';
import { lintUpdate } from './lint-update.js';
import { guessStage, proposeRewrite } from './propose-rewrite.js';
import { UPDATE_STAGES } from './update-vocabulary.js';

const INCIDENT: Incident = {
  id: 'inc-1',
  layer: 'network',
  owner: 'provider',
  reason: 'connect_timeout',
  scope: 'model',
  provider: 'openai',
  models: ['gpt-5.1'],
  started_at: '2026-11-22T04:12:03.120Z',
  detected_at: '2026-11-22T04:12:41.007Z',
  resolved_at: '2026-11-22T04:40:00.000Z',
  peak_error_rate: 0.27,
  affected_calls: 410,
  confidence: 0.8,
  evidence: [],
  update: '',
};

describe('guessStage', () => {
  it.each([
    ['We are seeing degraded performance on GPT.', 'investigating'],
    ['We are investigating; this is not yet resolved.', 'investigating'],
    ['We have identified the root cause.', 'identified'],
    ['Error rates are back to normal and we are monitoring.', 'monitoring'],
    ['This incident has been resolved.', 'resolved'],
  ] as const)('%j is at %s', (text, stage) => {
    expect(guessStage(text)).toBe(stage);
  });
});

describe('guessStage on our own drafts', () => {
  const incidents: Incident[] = [
    INCIDENT,
    { ...INCIDENT, layer: 'provider', reason: 'slow', peak_error_rate: 0 },
    { ...INCIDENT, layer: 'integration', owner: 'ours', reason: 'auth', resolved_at: null },
    { ...INCIDENT, layer: 'model', reason: 'empty' },
  ];
  it.each(
    incidents.flatMap((i) => UPDATE_STAGES.map((s) => [`${i.layer}/${i.reason}`, s, i] as const)),
  )('reads the %s draft at %s back at its stage', (_label, stage, incident) => {
    expect(guessStage(draftUpdate(incident, { stage, voice: 'public' }))).toBe(stage);
  });
});

describe('proposeRewrite', () => {
  it('drafts the public update for the stage the text is at', () => {
    const text = 'The issue with GPT has been resolved.';
    expect(proposeRewrite(text, INCIDENT)).toBe(
      draftUpdate(INCIDENT, { stage: 'resolved', voice: 'public' }),
    );
    expect(proposeRewrite(text, INCIDENT)).toMatch(/^Resolved: Our network path to OpenAI/);
  });

  it('takes the stage and the actions when given', () => {
    const text = proposeRewrite('Some users may see errors.', INCIDENT, {
      stage: 'identified',
      actions: ['failing over to Anthropic'],
    });
    expect(text).toMatch(/^We have traced this to the network path to OpenAI/);
    expect(text).toMatch(/We are failing over to Anthropic\.$/);
    expect(lintUpdate(text, { incident: INCIDENT })).toEqual({ ok: true, findings: [] });
  });
});
