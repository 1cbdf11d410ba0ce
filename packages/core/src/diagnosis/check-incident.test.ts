// The diagnosis contract read back: engine output passes, and every problem is named by its path.
import { describe, expect, it } from 'vitest';
import { SPEC_INCIDENT } from '../../test/spec-incident.js';
import { checkDiagnosis } from './check-diagnosis.js';
import { checkIncident } from './check-incident.js';

const ok = (v: unknown): boolean => checkIncident(v, 'incidents[0]').ok;
const problems = (v: unknown): readonly string[] => {
  const c = checkIncident(v, 'incidents[0]');
  return c.ok ? [] : c.problems;
};
const withEvidence = (e: unknown): unknown => ({ ...SPEC_INCIDENT, evidence: [e] });
const rate = SPEC_INCIDENT.evidence[0]!;

describe('checkIncident', () => {
  it('reads the spec incident with its facts, and builds it field for field', () => {
    const c = checkIncident(JSON.parse(JSON.stringify(SPEC_INCIDENT)), 'incidents[0]');
    expect(c).toEqual({ ok: true, value: SPEC_INCIDENT });
  });

  it('accepts evidence without facts (documents before v1.1) and an absent update', () => {
    const noUpdate: Record<string, unknown> = { ...SPEC_INCIDENT };
    delete noUpdate['update'];
    expect(ok({ ...noUpdate, evidence: [{ kind: 'error_rate', text: 'x' }] })).toBe(true);
  });

  it.each([
    [
      { ...SPEC_INCIDENT, layer: 'none' },
      'incidents[0].layer: must be one of integration, network, provider, model',
    ],
    [
      { ...SPEC_INCIDENT, reason: 'dns' },
      'incidents[0].reason: must be one of overloaded, server_error, unavailable, timeout, stream_error, slow for layer provider',
    ],
    [
      { ...SPEC_INCIDENT, provider: null },
      'incidents[0].provider: must be a string (null only for global scope)',
    ],
    [
      { ...SPEC_INCIDENT, resolved_at: 'soon' },
      'incidents[0].resolved_at: must be an RFC 3339 time or null',
    ],
    [
      { ...SPEC_INCIDENT, affected_calls: 1.5 },
      'incidents[0].affected_calls: must be a whole number ≥ 0',
    ],
    [
      withEvidence({ kind: 'cross_model', text: 'x' }),
      'incidents[0].evidence[0].kind: must be one of error_rate, latency, deadline, cross_provider, sibling_models, probe, golden, status_page, status_lag',
    ],
    [
      withEvidence({ ...rate, facts: { ...rate.facts, share: 41 } }),
      'incidents[0].evidence[0].facts.share: must be a number from 0 to 1',
    ],
    [
      withEvidence({
        ...rate,
        facts: { ...rate.facts, observed: { kind: 'http_error', status_code: '529', error: null } },
      }),
      'incidents[0].evidence[0].facts.observed.status_code: must be a whole number ≥ 0',
    ],
    [
      withEvidence({ ...rate, facts: { ...rate.facts, observed: { kind: 'teapot' } } }),
      'incidents[0].evidence[0].facts.observed.kind: must be one of http_error, network_error, deadline, stream_error, stream_cut, stop_reason, check_failed, empty, reason',
    ],
    [
      withEvidence({ kind: 'deadline', text: 'x', facts: { change: 'lowered', deadline_ms: 400 } }),
      'incidents[0].evidence[0].facts.previous_deadline_ms: must be a number',
    ],
  ])('names the problem with %#', (value, problem) => {
    expect(problems(value)).toContain(problem);
  });

  it('lists every problem at once', () => {
    expect(problems({ ...SPEC_INCIDENT, id: '', scope: 'team', confidence: 2 })).toEqual([
      'incidents[0].id: must be a non-empty string',
      'incidents[0].scope: must be one of model, provider, global',
      'incidents[0].confidence: must be a number from 0 to 1',
    ]);
  });
});

describe('checkDiagnosis', () => {
  const doc = {
    version: 1,
    records: 10,
    bad_records: 0,
    from: '2026-11-22T00:00:00.000Z',
    to: '2026-11-22T16:00:00.000Z',
    incidents: [SPEC_INCIDENT],
  };

  it('reads a document of spec/diagnosis.md', () => {
    expect(checkDiagnosis(JSON.parse(JSON.stringify(doc)))).toEqual({ ok: true, value: doc });
  });

  it('names header and incident problems together', () => {
    const c = checkDiagnosis({ ...doc, version: 2, from: 3, incidents: [{}] });
    expect(c.ok).toBe(false);
    if (c.ok) return;
    expect(c.problems).toEqual(
      expect.arrayContaining([
        'version: must be 1',
        'from: must be an RFC 3339 time or null',
        'incidents[0].id: must be a non-empty string',
      ]),
    );
  });
});
