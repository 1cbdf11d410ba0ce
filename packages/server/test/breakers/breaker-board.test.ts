// The service's breaker board, fed by hand: records, incidents, scopes and time, all passed in.
import { describe, expect, it } from 'vitest';
import type { BreakerChange } from '@faultline/core';
import { BreakerBoard, ScopeElevation } from '../../src/breakers/index.js';
import type { StoredRecord } from '../../src/store/port.js';

const OPTS = { successThreshold: 3, maxOpenMs: 60_000, failureThreshold: 5 } as const;
let seq = 0;
function rec(tsMs: number, layer: string, reason: string, over: Partial<StoredRecord> = {}) {
  return {
    seq: ++seq,
    tsMs,
    kind: 'call',
    provider: 'anthropic',
    model: 'claude-opus-4-7',
    source: 'sdk',
    layer,
    reason,
    json: '{}',
    ...over,
  } satisfies StoredRecord;
}
const fail = (t: number, over: Partial<StoredRecord> = {}) =>
  rec(t, 'provider', 'overloaded', over);
const ok = (t: number, over: Partial<StoredRecord> = {}) => rec(t, 'none', 'ok', over);
const incident = (scope: string, provider: string | null, models: string[], id = 'inc-1') => ({
  id,
  layer: 'provider' as const,
  reason: 'overloaded' as const,
  scope: scope as 'provider',
  provider,
  models,
});

function board() {
  const changes: BreakerChange[] = [];
  const b = new BreakerBoard({ breaker: OPTS, onChange: (c) => changes.push(c) });
  return { b, changes };
}

describe('the service breaker board', () => {
  it('opens after five provider failures in a row and names the target provider/model', () => {
    const { b, changes } = board();
    b.records([1, 2, 3, 4].map((i) => fail(1000 * i)));
    expect(b.state('anthropic', 'claude-opus-4-7')).toBe('closed');
    b.records([fail(5000)]);
    expect(b.state('anthropic', 'claude-opus-4-7')).toBe('open');
    expect(changes.map((c) => [c.target.name, c.from, c.to, c.atMs])).toEqual([
      ['anthropic/claude-opus-4-7', 'closed', 'open', 5000],
    ]);
  });

  it('never opens on our own broken requests', () => {
    const { b } = board();
    b.records([1, 2, 3, 4, 5, 6].map((i) => rec(i * 1000, 'integration', 'bad_request')));
    expect(b.state('anthropic', 'claude-opus-4-7')).toBe('closed');
  });

  it("opens on a provider incident for that provider's models only", () => {
    const { b } = board();
    b.records([ok(1000), ok(1000, { provider: 'openai', model: 'gpt-5.1' })]);
    b.incident({ event: 'opened', atMs: 2000, incident: incident('provider', 'anthropic', []) });
    expect(b.state('anthropic', 'claude-opus-4-7')).toBe('open');
    expect(b.state('openai', 'gpt-5.1')).toBe('closed');
  });

  it('creates and opens the listed models of a model incident never seen before', () => {
    const { b } = board();
    b.tick(1000);
    b.incident({ event: 'opened', atMs: 1000, incident: incident('model', 'anthropic', ['m-1']) });
    expect(b.entries()).toEqual([
      { target: 'anthropic/m-1', provider: 'anthropic', model: 'm-1', state: 'open' },
    ]);
  });

  it('ignores a replayed incident older than the longest open time', () => {
    const { b } = board();
    b.records([ok(500_000)]);
    b.incident({ event: 'opened', atMs: 400_000, incident: incident('global', null, []) });
    expect(b.state('anthropic', 'claude-opus-4-7')).toBe('closed');
  });

  it('half-opens on a probe success and closes on three successes once the scope is normal', () => {
    const { b, changes } = board();
    b.records([1, 2, 3, 4, 5].map((i) => fail(1000 * i)));
    b.scope('anthropic', 'claude-opus-4-7', true, 6000);
    b.records([ok(7000, { source: 'probe' })]);
    expect(b.state('anthropic', 'claude-opus-4-7')).toBe('half_open');
    expect(changes.at(-1)?.cause.kind).toBe('probe_success');
    b.records([ok(8000), ok(9000), ok(10_000)]);
    expect(b.state('anthropic', 'claude-opus-4-7')).toBe('half_open');
    b.scope('anthropic', 'claude-opus-4-7', false, 11_000);
    expect(b.state('anthropic', 'claude-opus-4-7')).toBe('closed');
    expect(changes.at(-1)?.cause.kind).toBe('recovered');
  });

  it('counts an out-of-order record at the newest time seen, never going back', () => {
    const { b, changes } = board();
    b.tick(20_000);
    b.records([1, 2, 3, 4, 5].map((i) => fail(1000 * i)));
    expect(changes[0]?.atMs).toBe(20_000);
  });

  it('resumes saved states, reports unreadable rows, and saves only what changed', () => {
    const first = board();
    first.b.records([1, 2, 3, 4, 5].map((i) => fail(1000 * i)));
    const rows = first.b.unsaved(6000);
    expect(rows.map((r) => r.target)).toEqual(['anthropic/claude-opus-4-7']);
    expect(first.b.unsaved(7000)).toEqual([]);
    const again = board();
    const bad = again.b.restore([
      ...rows,
      { target: 'openai/gpt-5.1', json: '{"state":"open"}', updatedAtMs: 1 },
      { target: 'no-slash', json: rows[0]!.json, updatedAtMs: 1 },
    ]);
    expect(bad).toEqual(['openai/gpt-5.1', 'no-slash']);
    expect(again.b.state('anthropic', 'claude-opus-4-7')).toBe('open');
    expect(again.b.unsaved(8000)).toEqual([]);
    again.b.tick(5000 + 60_000);
    expect(again.b.state('anthropic', 'claude-opus-4-7')).toBe('half_open');
    expect(again.changes.at(-1)?.cause.kind).toBe('max_open_elapsed');
  });
});

describe('scope elevation against the normal share', () => {
  const reading = (share: number, calls = 100, state: 'ok' | 'down' = 'ok') => ({
    state,
    calls_1m: calls,
    failure_share_1m: share,
  });
  it.each([
    ['a down model', reading(0.6, 10, 'down'), true],
    ['15% failing over a normal of 0', reading(0.15), true],
    ['5% failing (under the 10% floor)', reading(0.05), false],
    ['two failures only', reading(0.5, 4), false],
    ['no calls', reading(0, 0), false],
    ['no reading', undefined, false],
  ])('%s → elevated %s', (_name, h, expected) => {
    expect(new ScopeElevation().elevated('k', h)).toBe(expected);
  });

  it('learns a steady 20% as normal, then judges 25% normal and 70% elevated', () => {
    const e = new ScopeElevation({ floorShare: 0.3, learnRate: 0.2 });
    for (let i = 0; i < 60; i++) e.elevated('k', reading(0.2));
    expect(e.normal('k')).toBeCloseTo(0.2, 2);
    const s = new ScopeElevation({ learnRate: 0.2 });
    for (let i = 0; i < 60; i++) s.elevated('k', reading(0.2, 100, 'ok'));
    // 0.2 is above the 10% floor, so it never became normal: elevated readings teach nothing.
    expect(s.normal('k')).toBe(0);
    expect(e.elevated('k', reading(0.25))).toBe(false);
    expect(e.elevated('k', reading(0.7))).toBe(true);
  });
});
