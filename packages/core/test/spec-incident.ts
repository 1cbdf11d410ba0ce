// The incident of spec/diagnosis.md ("`faultline diagnose` output") with v1.1 facts, shared by comms tests.
import type { DocumentIncident } from '../src/diagnosis/index.js';

export const SPEC_INCIDENT: DocumentIncident = {
  id: 'inc-20261122-0412-anthropic',
  layer: 'provider',
  owner: 'provider',
  reason: 'overloaded',
  scope: 'provider',
  provider: 'anthropic',
  models: ['claude-opus-4-7', 'claude-opus-4-8'],
  started_at: '2026-11-22T04:12:03.120Z',
  detected_at: '2026-11-22T04:12:41.007Z',
  resolved_at: '2026-11-22T04:31:10.000Z',
  peak_error_rate: 0.41,
  affected_calls: 1834,
  confidence: 0.93,
  evidence: [
    {
      kind: 'error_rate',
      text: '41% of Anthropic calls failed with HTTP 529 overloaded_error in 04:12–04:14, against 0.3% in the prior hour',
      facts: {
        layer: 'provider',
        providers: ['anthropic'],
        models: ['claude-opus-4-7', 'claude-opus-4-8'],
        share: 0.41,
        baseline: 0.003,
        failures: 410,
        calls: 1000,
        window_start: '2026-11-22T04:12:00.000Z',
        window_end: '2026-11-22T04:14:00.000Z',
        observed: { kind: 'http_error', status_code: 529, error: 'overloaded_error' },
      },
    },
    {
      kind: 'cross_provider',
      text: 'OpenAI calls from the same apps succeeded at 99.7% over the same minutes',
      facts: { layer: 'provider', providers: [{ provider: 'openai', share: 0.003, calls: 1200 }] },
    },
    {
      kind: 'status_page',
      text: 'Anthropic status page listed Claude API as partial_outage from 04:29',
      facts: {
        provider: 'anthropic',
        component: 'Claude API',
        status: 'partial_outage',
        since: '2026-11-22T04:29:00.000Z',
      },
    },
  ],
  update: '',
};
