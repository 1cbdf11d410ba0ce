// The public update of the spec/diagnosis.md incident at each stage.
import { describe, expect, it } from 'vitest';
import type { IncidentInput as Incident } from '../diagnosis/index.js';
import { SPEC_INCIDENT } from '../../test/spec-incident.js';
import { draftUpdate } from './draft-update.js';

/** The incident of spec/diagnosis.md "`faultline diagnose` output". */
const SPEC: Incident = SPEC_INCIDENT;

const draft = (
  over: Partial<Incident>,
  stage: 'investigating' | 'identified' | 'monitoring' | 'resolved' = 'investigating',
  extra = {},
): string => draftUpdate({ ...SPEC, ...over }, { stage, voice: 'public', ...extra });

describe('the public update of the spec incident', () => {
  it('names the API and its owner, the status, the share, the models and the start in UTC', () => {
    expect(draft({}, 'investigating', { actions: ['failing over to OpenAI'] })).toBe(
      "Anthropic's API has been returning overloaded (HTTP 529) errors for claude-opus-4-7 and claude-opus-4-8 since 04:12 UTC. " +
        'At the peak, 41% of requests to these models failed. ' +
        'The responses that do arrive are normal; this is not a change in model quality. ' +
        'Our own service and requests to other providers are working normally. ' +
        "We are checking with Anthropic and watching their status page. Anthropic's status page also reports a problem. " +
        'Meanwhile we are failing over to OpenAI.',
    );
  });

  it('says whose layer it is and what we do once identified', () => {
    const text = draft({}, 'identified', {
      actions: ['failing over to OpenAI', 'retrying with backoff'],
    });
    expect(text).toMatch(
      /^We have traced this to Anthropic's API: the fault is on Anthropic's side, not in our service\./,
    );
    expect(text).toMatch(/We are failing over to OpenAI and retrying with backoff\.$/);
  });

  it('says since when it has recovered while monitoring', () => {
    expect(draft({}, 'monitoring')).toContain(
      'Requests have been succeeding normally again since 04:31 UTC; we are watching closely',
    );
  });

  it('gives from–to in UTC, the duration, the layer and that quality was not affected once resolved', () => {
    const text = draft({}, 'resolved');
    expect(text).toMatch(
      /^Resolved: Anthropic's API was returning overloaded \(HTTP 529\) errors for claude-opus-4-7 and claude-opus-4-8 from 04:12 UTC to 04:31 UTC on 2026-11-22 \(19 minutes\)\./,
    );
    expect(text).toContain(
      "The cause was Anthropic's API: the fault was on Anthropic's side, not in our service.",
    );
    expect(text).toContain('it was not a change in model quality');
  });

  it('ends a still-open incident at `now` and names our product', () => {
    const text = draft({ resolved_at: null }, 'resolved', {
      now: '2026-11-22T06:02:00Z',
      productName: 'Notion AI',
    });
    expect(text).toContain('from 04:12 UTC to 06:02 UTC on 2026-11-22 (1 hour 50 minutes)');
    expect(text).toContain('Notion AI and requests to other providers worked normally throughout.');
  });

  it('gives both dates when the incident crosses midnight UTC', () => {
    const text = draft(
      { started_at: '2026-11-22T23:50:00Z', resolved_at: '2026-11-23T00:20:00Z' },
      'resolved',
    );
    expect(text).toContain('from 2026-11-22 23:50 UTC to 2026-11-23 00:20 UTC (30 minutes)');
  });

  it('uses display names given by the caller', () => {
    expect(
      draft({ provider: 'acme' }, 'investigating', { providerNames: { acme: 'Acme AI' } }),
    ).toMatch(/^Acme AI's API /);
    expect(draft({ provider: 'acme' })).toMatch(/^acme's API /);
  });
});
