import { describe, expect, it } from 'vitest';
import type { DocumentIncident } from '@faultline/core';
import { eventClaims, materialState } from './claim-key.js';
import { severityOf } from './pagerduty-event.js';

const base = {
  id: 'inc-1',
  layer: 'provider',
  owner: 'provider',
  reason: 'overloaded',
  scope: 'provider',
  provider: 'anthropic',
  models: ['b', 'a'],
  started_at: '2026-11-22T04:12:00.000Z',
  detected_at: '2026-11-22T04:12:40.000Z',
  resolved_at: null,
  peak_error_rate: 0.4,
  affected_calls: 10,
  confidence: 0.9,
  evidence: [],
  update: '',
} satisfies DocumentIncident;

describe('materialState', () => {
  it('ignores numbers and model order but not scope, models or stage', () => {
    const s = materialState(base, 'identified');
    expect(
      materialState(
        { ...base, peak_error_rate: 0.9, affected_calls: 99, models: ['a', 'b'] },
        'identified',
      ),
    ).toBe(s);
    expect(materialState({ ...base, scope: 'model' }, 'identified')).not.toBe(s);
    expect(materialState({ ...base, models: ['a'] }, 'identified')).not.toBe(s);
    expect(materialState(base, 'monitoring')).not.toBe(s);
  });
});

describe('eventClaims', () => {
  it('keys opens once, reopens by time, resolves by resolved_at, updates by state', () => {
    expect(eventClaims({ kind: 'opened', incident: base }, 5).key).toBe('opened');
    expect(eventClaims({ kind: 'reopened', incident: base, atMs: 7 }, 5).key).toBe('reopened:7');
    const done = { ...base, resolved_at: '2026-11-22T04:31:00.000Z' };
    expect(eventClaims({ kind: 'resolved', incident: done }, 5).key).toBe(
      'resolved:2026-11-22T04:31:00.000Z',
    );
    const up = eventClaims({ kind: 'updated', incident: base }, 5);
    expect(up.key).toBe(up.state);
  });
});

describe('severityOf', () => {
  const table: [Partial<DocumentIncident>, string][] = [
    [{ layer: 'integration', owner: 'ours', scope: 'global', provider: null }, 'critical'],
    [{ layer: 'integration', owner: 'ours', scope: 'provider' }, 'error'],
    [{ layer: 'provider', owner: 'provider', scope: 'provider' }, 'error'],
    [{ layer: 'network', owner: 'provider', scope: 'global', provider: null }, 'error'],
    [{ layer: 'provider', owner: 'provider', scope: 'model' }, 'warning'],
    [{ layer: 'model', owner: 'provider', scope: 'provider' }, 'warning'],
    [{ layer: 'network', owner: 'unknown', scope: 'provider' }, 'warning'],
  ];
  for (const [over, want] of table)
    it(`${over.layer}/${over.owner}/${over.scope} → ${want}`, () =>
      expect(severityOf({ ...base, ...over })).toBe(want));
});
