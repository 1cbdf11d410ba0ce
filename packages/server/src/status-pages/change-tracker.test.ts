import type { StatusObservation } from '@faultline/core';
import { describe, expect, it } from 'vitest';
import { ChangeTracker } from './change-tracker.js';
import type { ComponentReading } from './status-source.js';

const T0 = Date.parse('2026-10-14T14:00:00Z');
const T1 = T0 + 3_600_000;
const api = (status: ComponentReading['status'], incident: string | null = null) => ({
  component: 'Claude API',
  componentId: 'k8w3r06qmzrp',
  status,
  incident,
});
const stored = (status: StatusObservation['status'], extra: Record<string, unknown> = {}) => ({
  kind: 'status' as const,
  ts: new Date(T0 + 60_000).toISOString(),
  provider: 'anthropic',
  component: 'Claude API',
  component_id: 'k8w3r06qmzrp',
  status,
  first_seen: new Date(T0).toISOString(),
  models: ['*'],
  ...extra,
});
const tracker = (seed: StatusObservation[]) => {
  const t = new ChangeTracker({ provider: 'anthropic', components: {} });
  t.seed(seed);
  return t;
};

describe('ChangeTracker seeded from the store', () => {
  it('emits nothing for a component unchanged since the stored observation', () => {
    expect(tracker([stored('operational')]).observe([api('operational')], T1, true)).toEqual([]);
  });

  it('keeps the stored first_seen when only the incident changed, and takes now on a new status', () => {
    const t = tracker([stored('partial_outage', { incident: 'Errors' })]);
    const [retitled] = t.observe([api('partial_outage', 'Errors on Opus')], T1, true);
    expect(retitled).toMatchObject({ first_seen: new Date(T0).toISOString() });
    const [worse] = t.observe([api('major_outage', 'Errors on Opus')], T1 + 1, true);
    expect(worse).toMatchObject({ first_seen: new Date(T1 + 1).toISOString() });
  });

  it('turns a stored outage absent from an affected-only page operational', () => {
    const out = tracker([stored('partial_outage', { incident: 'Errors' })]).observe([], T1, false);
    expect(out).toMatchObject([{ component: 'Claude API', status: 'operational' }]);
  });

  it('drops a stored component a complete page does not list (another page’s, or gone)', () => {
    const t = tracker([stored('partial_outage')]);
    expect(t.observe([], T1, true)).toEqual([]);
    expect(t.observe([], T1 + 1, false)).toEqual([]);
  });

  it('ignores records it did not make (no first_seen) and other providers’', () => {
    const t = tracker([
      stored('operational', { first_seen: undefined }),
      stored('operational', { provider: 'openai' }),
    ]);
    expect(t.observe([api('operational')], T1, true)).toMatchObject([{ status: 'operational' }]);
  });

  it('ignores components the page does not watch', () => {
    const t = tracker([stored('major_outage', { component: 'claude.ai', component_id: 'web' })]);
    expect(t.observe([], T1, false)).toEqual([]);
  });

  it('emits an unchanged component again, first_seen kept, when the models it covers changed', () => {
    const t = new ChangeTracker({ provider: 'anthropic', components: { 'Claude API': ['opus'] } });
    t.seed([stored('operational')]);
    expect(t.observe([api('operational')], T1, true)).toMatchObject([
      { models: ['opus'], first_seen: new Date(T0).toISOString() },
    ]);
    expect(t.observe([api('operational')], T1 + 1, true)).toEqual([]);
  });
});
