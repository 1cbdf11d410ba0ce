// A status page that moved long after our first failures is said in the public update.
import { describe, expect, it } from 'vitest';
import { evidence, type IncidentInput } from '../diagnosis/index.js';
import { draftUpdate } from './draft-update.js';
import { lintUpdate } from './lint-update.js';
import { UPDATE_STAGES, VOICES } from './update-vocabulary.js';
import { SPEC_INCIDENT } from '../../test/spec-incident.js';

const NOW = '2026-11-22T04:40:00.000Z';
const lagged: IncidentInput = {
  ...SPEC_INCIDENT,
  evidence: [
    ...SPEC_INCIDENT.evidence,
    evidence('status_lag', {
      provider: 'anthropic',
      component: 'Claude API',
      status: 'partial_outage',
      listed_at: '2026-11-22T04:29:00.000Z',
      first_failure_at: '2026-11-22T04:12:00.000Z',
      lag_ms: 17 * 60_000,
    }),
  ],
};
const text = (i: IncidentInput, stage: (typeof UPDATE_STAGES)[number]): string =>
  draftUpdate(i, { stage, voice: 'public', now: NOW });

describe('status-page lag in public updates', () => {
  it.each([
    [
      'identified',
      "Anthropic's status page has listed a problem since 04:29 UTC, 17 minutes after our first failed requests.",
    ],
    [
      'investigating',
      "Anthropic's status page has listed a problem since 04:29 UTC, 17 minutes after our first failed requests.",
    ],
    [
      'resolved',
      "Anthropic's status page listed a problem from 04:29 UTC, 17 minutes after our first failed requests.",
    ],
  ] as const)('%s says when the page moved and how late', (stage, sentence) => {
    expect(text(lagged, stage)).toContain(sentence);
  });

  it('says nothing of a lag without status_lag evidence', () => {
    for (const stage of UPDATE_STAGES)
      expect(text(SPEC_INCIDENT, stage)).not.toMatch(/after our first failed/);
  });

  it('stays lint-clean in every stage and voice', () => {
    for (const stage of UPDATE_STAGES)
      for (const voice of VOICES) {
        const t = draftUpdate(lagged, { stage, voice, now: NOW });
        expect(lintUpdate(t, { incident: lagged }).findings).toEqual([]);
      }
  });
});
