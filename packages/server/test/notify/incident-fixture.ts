// Incident objects (spec/diagnosis.md) for notifier tests, with evidence facts as the engine writes them.
import type { DocumentIncident } from '@faultline/core';

/** A provider overload at Anthropic, open; `over` changes any field. */
export function incident(over: Partial<DocumentIncident> = {}): DocumentIncident {
  return {
    id: 'inc-20261122-0412-anthropic',
    layer: 'provider',
    owner: 'provider',
    reason: 'overloaded',
    scope: 'provider',
    provider: 'anthropic',
    models: ['claude-opus-4-7', 'claude-opus-4-8'],
    started_at: '2026-11-22T04:12:03.120Z',
    detected_at: '2026-11-22T04:12:41.007Z',
    resolved_at: null,
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
          failures: 752,
          calls: 1834,
          window_start: '2026-11-22T04:12:00.000Z',
          window_end: '2026-11-22T04:14:00.000Z',
          observed: { kind: 'http_error', status_code: 529, error: 'overloaded_error' },
        },
      },
    ],
    update: "Anthropic's API has been returning HTTP 529 (overloaded) errors since 04:12 UTC.",
    ...over,
  };
}

/** A fault of ours everywhere: a bad key at Anthropic and OpenAI (global, owner ours). */
export function ourIncident(over: Partial<DocumentIncident> = {}): DocumentIncident {
  return incident({
    id: 'inc-20261122-0500-global',
    layer: 'integration',
    owner: 'ours',
    reason: 'auth',
    scope: 'global',
    provider: null,
    models: [],
    evidence: [
      {
        kind: 'error_rate',
        text: '100% of Anthropic and OpenAI calls failed with HTTP 401 in 05:00–05:02',
        facts: {
          layer: 'integration',
          providers: ['anthropic', 'openai'],
          models: [],
          share: 1,
          baseline: 0,
          failures: 40,
          calls: 40,
          window_start: '2026-11-22T05:00:00.000Z',
          window_end: '2026-11-22T05:02:00.000Z',
          observed: { kind: 'http_error', status_code: 401, error: 'authentication_error' },
        },
      },
    ],
    ...over,
  });
}

/** The same incident, resolved. */
export function resolved(i: DocumentIncident, at = '2026-11-22T04:31:10.000Z'): DocumentIncident {
  return { ...i, resolved_at: at };
}
