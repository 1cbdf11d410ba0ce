// What /v1/health says of a provider's status pages: the worst readable component, unknown only
// while no source of it can be read, and the time of the last good read.
import { describe, expect, it } from 'vitest';
import type { StatusObservation } from '@faultline/core';
import { StatusView } from '../src/serve/status-view.js';
import type { SourceState } from '../src/status-pages/index.js';

const T = Date.UTC(2026, 11, 1, 12);
const state = (endpoint: string, s: 'ok' | 'unknown', at: number): SourceState => ({
  provider: 'anthropic',
  kind: 'statuspage',
  endpoint,
  state: s,
  sinceMs: at,
  lastOkMs: s === 'ok' ? at : null,
  failures: s === 'ok' ? 0 : 1,
  ...(s === 'unknown' ? { reason: 'html' as const, detail: 'HTTP 200 with an HTML page' } : {}),
});
const obs = (component: string, status: string): StatusObservation =>
  ({
    kind: 'status',
    ts: new Date(T).toISOString(),
    provider: 'anthropic',
    component,
    status,
  }) as StatusObservation;

describe('StatusView', () => {
  it('keeps a readable page when another page of the same provider cannot be read', () => {
    const changes: Record<string, unknown>[] = [];
    const view = new StatusView((d) => changes.push(d));
    view.source(state('https://a/summary.json', 'ok', T), T);
    view.source(state('https://b/feed', 'ok', T), T);
    view.observe([obs('Claude API', 'major_outage')], T);
    view.source(state('https://b/feed', 'unknown', T + 1000), T + 1000);
    expect(view.health('anthropic')).toMatchObject({
      component: 'Claude API',
      status: 'major_outage',
    });
    view.source(state('https://a/summary.json', 'unknown', T + 2000), T + 2000);
    expect(view.health('anthropic')).toMatchObject({
      status: 'unknown',
      error: 'html: HTTP 200 with an HTML page',
    });
    expect(changes.at(-1)).toMatchObject({
      component: 'Claude API',
      from: 'major_outage',
      to: 'unknown',
    });
  });

  it('moves read_at with every good read, a 304 included', () => {
    const view = new StatusView(() => undefined);
    view.source(state('https://a/summary.json', 'ok', T), T);
    view.observe([obs('Claude API', 'operational')], T);
    view.readOk('anthropic', T + 60_000);
    expect(view.health('anthropic')?.read_at).toBe(new Date(T + 60_000).toISOString());
  });

  it('starts from stored readings after a restart without calling them a change', () => {
    const changes: Record<string, unknown>[] = [];
    const view = new StatusView((d) => changes.push(d));
    view.seed([obs('Claude API', 'partial_outage')]);
    expect(view.health('anthropic')).toMatchObject({
      component: 'Claude API',
      status: 'partial_outage',
      read_at: new Date(T).toISOString(),
    });
    view.source(state('https://a/summary.json', 'ok', T + 1000), T + 1000);
    view.observe([obs('Claude API', 'partial_outage')], T + 1000);
    expect(changes).toEqual([]);
    view.observe([obs('Claude API', 'operational')], T + 2000);
    expect(changes).toMatchObject([{ from: 'partial_outage', to: 'operational' }]);
  });
});
