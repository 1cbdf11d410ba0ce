// The read API of a report file, answered from its embedded data, and its hash routes.
import { describe, expect, it } from 'vitest';
import {
  NotInReport,
  reportJson,
  reportRecords,
  type ReportSource,
} from '../../dashboard/src/report-api.js';
import { hashForHref, routeOf } from '../../dashboard/src/report-routes.js';

const incident = {
  id: 'inc-a b',
  layer: 'provider',
  events: [{ kind: 'opened', at: '2026-11-18T13:46:10Z', summary: 'opened' }],
  updates: [],
  notifications: [],
};
const call = (ts: string, provider: string, layer: string) => ({
  ts,
  kind: 'call',
  provider,
  model: 'm',
  classification: { layer },
});
const data: ReportSource = {
  incidents: [incident],
  to: '2026-11-18T14:00:00.000Z',
  window_records: [
    call('2026-11-18T13:45:00.000Z', 'anthropic', 'none'),
    { ts: '2026-11-18T13:46:00.000Z', kind: 'status', provider: 'anthropic', status: 'ok' },
    call('2026-11-18T13:47:00.000Z', 'openai', 'provider'),
    call('2026-11-18T13:48:00.000Z', 'anthropic', 'provider'),
  ],
};

describe('reportJson', () => {
  it('answers an incident by its encoded id, and the list without the detail', () => {
    expect(reportJson(data, `/v1/incidents/${encodeURIComponent('inc-a b')}`)).toBe(incident);
    expect(reportJson(data, '/v1/incidents?limit=50')).toEqual({
      incidents: [{ id: 'inc-a b', layer: 'provider' }],
      next_cursor: null,
    });
    expect(() => reportJson(data, '/v1/incidents/other')).toThrow(NotInReport);
    expect(() => reportJson(data, '/dashboard/session')).toThrow(/not part of this report/);
  });
});

describe('reportRecords', () => {
  const q = (o: Record<string, string>) =>
    reportRecords(data, new URLSearchParams(o)).map((r) => r.ts);

  it('filters like GET /v1/records: window [from, to), provider, layer, kind, limit', () => {
    expect(q({})).toHaveLength(3);
    expect(q({ from: '2026-11-18T13:45:00Z', to: '2026-11-18T13:48:00Z' })).toEqual([
      '2026-11-18T13:45:00.000Z',
      '2026-11-18T13:47:00.000Z',
    ]);
    expect(q({ provider: 'anthropic', layer: 'provider' })).toEqual(['2026-11-18T13:48:00.000Z']);
    expect(q({ kind: 'status' })).toEqual(['2026-11-18T13:46:00.000Z']);
    expect(q({ limit: '1' })).toEqual(['2026-11-18T13:45:00.000Z']);
  });
});

describe('report routes', () => {
  it('maps the dashboard links to hash routes and back', () => {
    expect(hashForHref('/')).toBe('#/');
    expect(hashForHref('/incidents/inc-a%20b')).toBe('#/incidents/inc-a%20b');
    expect(hashForHref('https://example.com/')).toBeUndefined();
    expect(hashForHref('#main')).toBeUndefined();
    expect(routeOf('#/incidents/inc-a%20b')).toEqual({ page: 'incident', id: 'inc-a b' });
    expect(routeOf('#/incidents/%E0%A4%A')).toEqual({ page: 'list' });
    expect(routeOf('#main')).toEqual({ page: 'list' });
    expect(routeOf('')).toEqual({ page: 'list' });
  });
});
