// GET /v1/incidents/{id}: the breaker changes of the incident's scope and window, from the feed.
import { describe, expect, it } from 'vitest';
import { showIncident } from '../../src/api/incidents-route.js';
import { createMemoryStore } from '../../src/store/memory/index.js';
import type { IncidentRow, Store } from '../../src/store/port.js';

const T0 = Date.parse('2026-11-22T17:12:00.000Z');
const MIN = 60_000;

function incident(id: string, patch: Partial<IncidentRow>, models: string[]): IncidentRow {
  return {
    id,
    state: patch.endedAtMs === undefined || patch.endedAtMs === null ? 'open' : 'resolved',
    provider: 'anthropic',
    startedAtMs: T0,
    endedAtMs: null,
    updatedAtMs: T0,
    json: JSON.stringify({ id, models, started_at: new Date(T0).toISOString() }),
    ...patch,
  };
}

async function save(store: Store, row: IncidentRow): Promise<void> {
  await store.saveIncidentChange({
    incident: row,
    event: { kind: 'opened', atMs: row.startedAtMs, summary: 'opened' },
    updates: [],
  });
}

/** Appends a breaker change as the service's breakers do (breakers/start-breakers.ts). */
async function change(
  store: Store,
  atMs: number,
  patch: Record<string, string> = {},
): Promise<void> {
  const data = {
    provider: 'anthropic',
    model: 'claude-opus-4-7',
    target: 'anthropic-eu',
    from: 'closed',
    to: 'open',
    at: new Date(atMs).toISOString(),
    why: 'incident inc-1 opened',
    ...patch,
  };
  await store.appendFeed({ type: 'breaker.changed', atMs, data: JSON.stringify(data) });
}

async function breakersOf(store: Store, id: string): Promise<Record<string, string>[]> {
  const result = await showIncident(store, id);
  expect(result.status).toBe(200);
  return (JSON.parse(result.body) as { breakers: Record<string, string>[] }).breakers;
}

describe('an incident’s breaker changes', () => {
  it('lists those of its provider and models within a minute before to five after, oldest first', async () => {
    const store = createMemoryStore();
    await save(store, incident('inc-1', { endedAtMs: T0 + 10 * MIN }, ['claude-opus-4-7']));
    await change(store, T0 + 14 * MIN, { from: 'half_open', to: 'closed', why: 'trial passed' });
    await change(store, T0 - 30_000, { target: 'anthropic/claude-opus-4-7' });
    await change(store, T0 - 2 * MIN, { why: 'too early' });
    await change(store, T0 + 16 * MIN, { why: 'too late' });
    await change(store, T0 + MIN, { provider: 'openai', model: 'gpt-5.1', why: 'other provider' });
    await change(store, T0 + MIN, { model: 'claude-haiku-4-5', why: 'other model' });
    await store.appendFeed({
      type: 'status.changed',
      atMs: T0 + MIN,
      data: '{"provider":"anthropic"}',
    });
    await store.appendFeed({ type: 'breaker.changed', atMs: T0 + MIN, data: 'not json' });
    expect(await breakersOf(store, 'inc-1')).toEqual([
      {
        at: '2026-11-22T17:11:30.000Z',
        provider: 'anthropic',
        model: 'claude-opus-4-7',
        target: 'anthropic/claude-opus-4-7',
        from: 'closed',
        to: 'open',
        why: 'incident inc-1 opened',
      },
      expect.objectContaining({ at: '2026-11-22T17:26:00.000Z', from: 'half_open', to: 'closed' }),
    ]);
  });

  it('covers every model of the provider when none is named, and runs on while open', async () => {
    const store = createMemoryStore();
    await save(store, incident('inc-2', {}, []));
    await change(store, T0 + 90 * MIN, { model: 'claude-haiku-4-5' });
    await change(store, T0 + 5 * MIN);
    await change(store, T0 + 6 * MIN, { provider: 'openai' });
    const found = await breakersOf(store, 'inc-2');
    expect(found.map((b) => [b.at, b.model])).toEqual([
      ['2026-11-22T17:17:00.000Z', 'claude-opus-4-7'],
      ['2026-11-22T18:42:00.000Z', 'claude-haiku-4-5'],
    ]);
  });

  it('covers every provider for a global incident, at most 200', async () => {
    const store = createMemoryStore();
    await save(store, incident('inc-3', { provider: null }, []));
    for (let i = 0; i < 230; i++)
      await change(store, T0 + i * 1000, { provider: i % 2 === 0 ? 'openai' : 'anthropic' });
    const found = await breakersOf(store, 'inc-3');
    expect(found).toHaveLength(200);
    expect(new Set(found.map((b) => b.provider))).toEqual(new Set(['openai', 'anthropic']));
    expect(found.at(-1)?.at).toBe(new Date(T0 + 199_000).toISOString());
  });

  it('shows an empty list when there were none', async () => {
    const store = createMemoryStore();
    await save(store, incident('inc-4', {}, ['claude-opus-4-7']));
    expect(await breakersOf(store, 'inc-4')).toEqual([]);
  });
});
