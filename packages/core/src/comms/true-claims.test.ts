// Updates claim only what the evidence shows: healthy siblings, healthy providers, whose service.
import { describe, expect, it } from 'vitest';
import { evidence, type Evidence, type IncidentInput } from '../diagnosis/index.js';
import { draftUpdate } from './draft-update.js';
import { lintUpdate } from './lint-update.js';
import { UPDATE_STAGES, VOICES } from './update-vocabulary.js';
import { SPEC_INCIDENT } from '../../test/spec-incident.js';

const NOW = '2026-11-22T04:40:00.000Z';
const siblings = (models: string[]): Evidence =>
  evidence('sibling_models', { layer: 'provider', provider: 'anthropic', models });
const otherProviders = (): Evidence =>
  evidence('cross_provider', {
    layer: 'provider',
    providers: [{ provider: 'openai', share: 0.003, calls: 1200 }],
  });
const errors = (
  layer: IncidentInput['layer'],
  observed: object,
  provider = 'anthropic',
): Evidence =>
  evidence('error_rate', {
    layer,
    providers: [provider],
    models: ['claude-sonnet-4-6'],
    share: 0.4,
    baseline: 0.01,
    failures: 40,
    calls: 100,
    window_start: '2026-11-22T04:11:00.000Z',
    window_end: '2026-11-22T04:12:00.000Z',
    observed: observed as never,
  });

function incident(patch: Partial<IncidentInput>): IncidentInput {
  return { ...SPEC_INCIDENT, ...patch };
}
const texts = (i: IncidentInput): string[] =>
  UPDATE_STAGES.flatMap((stage) =>
    VOICES.map((voice) => draftUpdate(i, { stage, voice, now: NOW })),
  );
const publicText = (i: IncidentInput): string =>
  draftUpdate(i, { stage: 'identified', voice: 'public' });

describe('what updates claim is not affected', () => {
  it('says other models worked only when a sibling seen healthy is not among the affected', () => {
    const models = ['claude-opus-4-7', 'claude-sonnet-4-6'];
    const stale = incident({
      models,
      evidence: [errors('provider', { kind: 'empty' }), siblings(['claude-sonnet-4-6'])],
    });
    expect(publicText(stale)).not.toMatch(/other models/i);
    const fine = incident({
      models,
      evidence: [siblings(['claude-sonnet-4-6', 'claude-haiku-4-5'])],
    });
    expect(publicText(fine)).toContain('Other models from Anthropic are working normally.');
  });

  it('says other providers worked only with another provider seen healthy', () => {
    const network = incident({ layer: 'network', reason: 'dns', owner: 'provider', evidence: [] });
    expect(publicText(network)).not.toMatch(/other providers|our own service/i);
    const seen = incident({ ...network, evidence: [otherProviders()] });
    expect(publicText(seen)).toContain(
      'Our own service and requests to other providers are working normally.',
    );
  });

  it('never says our own service works when the fault is ours', () => {
    const ours = incident({
      layer: 'integration',
      reason: 'auth',
      owner: 'ours',
      evidence: [otherProviders()],
    });
    for (const text of texts(ours)) expect(text).not.toMatch(/our own service/i);
    expect(publicText(ours)).toContain('Requests to other providers are working normally.');
  });

  it('says plainly that output quality is not the problem at the provider and integration layers', () => {
    for (const [layer, reason, owner] of [
      ['provider', 'overloaded', 'provider'],
      ['provider', 'slow', 'provider'],
      ['integration', 'bad_request', 'ours'],
      ['integration', 'client_timeout', 'ours'],
    ] as const) {
      for (const stage of UPDATE_STAGES) {
        const text = draftUpdate(incident({ layer, reason, owner }), {
          stage,
          voice: 'public',
          now: NOW,
        });
        expect(text).toContain('not a change in model quality');
      }
    }
  });
});

describe('what updates call a failure', () => {
  it('names a failed user check by its name, and a golden canary as a known-answer check', () => {
    const check = (name: string, reason: 'check_failed' | 'malformed') =>
      publicText(
        incident({
          layer: 'model',
          reason,
          models: ['claude-sonnet-4-6'],
          evidence: [errors('model', { kind: 'check_failed', check: name })],
        }),
      );
    expect(check('schema_ok', 'check_failed')).toContain('failing our schema_ok check');
    expect(check('json_valid', 'malformed')).toContain('(failing our json_valid check)');
    expect(check('golden', 'check_failed')).toContain('failing our known-answer checks');
  });

  it('calls a cut stream cut in its evidence, not empty', () => {
    const e = errors('provider', { kind: 'stream_cut' });
    expect(e.text).toContain('an HTTP 200 stream cut off before its end');
    expect(e.text).not.toMatch(/\bempty\b/);
  });

  it('keeps an internal integration update at the integration layer, whatever the provider is called', () => {
    const google = incident({
      id: 'inc-20261122-0412-google',
      layer: 'integration',
      reason: 'auth',
      owner: 'ours',
      provider: 'google',
      evidence: [
        errors('integration', { kind: 'http_error', status_code: 401, error: null }, 'google'),
      ],
    });
    for (const stage of UPDATE_STAGES) {
      const text = draftUpdate(google, { stage, voice: 'internal', now: NOW });
      expect(lintUpdate(text, { incident: google }).findings).toEqual([]);
    }
  });
});
