// The read API's handlers against the memory store: filters, order, cursors, refusals.
import { describe, expect, it } from 'vitest';
import { createMemoryStore } from '../../src/store/memory/index.js';
import type { IncidentRow, RecordRow, Store } from '../../src/store/port.js';
import { listIncidents, showIncident } from '../../src/api/incidents-route.js';
import { exportRecords } from '../../src/api/records-route.js';

const T0 = Date.parse('2026-11-22T04:00:00.000Z');

function incidentRow(n: number, patch: Partial<IncidentRow> = {}): IncidentRow {
  const id = `inc-${String(n).padStart(3, '0')}`;
  return {
    id,
    state: 'open',
    provider: n % 2 === 0 ? 'anthropic' : 'openai',
    startedAtMs: T0 + n * 60_000,
    endedAtMs: null,
    updatedAtMs: T0 + n * 60_000 + 5000,
    json: JSON.stringify({
      id,
      layer: 'provider',
      started_at: new Date(T0 + n * 60_000).toISOString(),
    }),
    ...patch,
  };
}

async function withIncidents(n: number): Promise<Store> {
  const store = createMemoryStore();
  for (let i = 0; i < n; i++) {
    const incident = incidentRow(
      i,
      i % 3 === 0 ? { state: 'resolved', endedAtMs: T0 + i * 60_000 + 30_000 } : {},
    );
    await store.saveIncidentChange({
      incident,
      event: { kind: 'opened', atMs: incident.startedAtMs, summary: 'opened' },
      updates: [
        {
          stage: 'investigating',
          voice: 'public',
          text: `draft ${i}`,
          draftedAtMs: incident.startedAtMs,
        },
      ],
    });
  }
  return store;
}

const params = (q: string): URLSearchParams => new URLSearchParams(q);

describe('GET /v1/incidents', () => {
  it('pages newest first with next_cursor until every incident was seen once', async () => {
    const store = await withIncidents(23);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const result = await listIncidents(
        store,
        params(`limit=5${cursor === null ? '' : `&cursor=${cursor}`}`),
      );
      expect(result.status).toBe(200);
      const body = JSON.parse(result.body) as {
        incidents: { id: string; state: string; updated_at: string }[];
        next_cursor: string | null;
      };
      expect(body.incidents.length).toBeLessThanOrEqual(5);
      for (const i of body.incidents) expect(i.updated_at).toMatch(/\.\d{3}Z$/);
      seen.push(...body.incidents.map((i) => i.id));
      cursor = body.next_cursor;
    } while (cursor !== null);
    expect(seen).toEqual([...seen].sort().reverse());
    expect(new Set(seen).size).toBe(23);
  });

  it.each([
    ['state=open', (i: { state: string }) => i.state === 'open'],
    ['state=resolved', (i: { state: string }) => i.state === 'resolved'],
    ['provider=openai', (i: { id: string }) => Number(i.id.slice(4)) % 2 === 1],
  ])('filters by %s', async (q, keep) => {
    const store = await withIncidents(12);
    const all = JSON.parse((await listIncidents(store, params('limit=500'))).body) as {
      incidents: { id: string; state: string }[];
    };
    const some = JSON.parse((await listIncidents(store, params(`${q}&limit=500`))).body) as {
      incidents: { id: string }[];
    };
    expect(some.incidents.map((i) => i.id)).toEqual(all.incidents.filter(keep).map((i) => i.id));
    expect(some.incidents.length).toBeGreaterThan(0);
  });

  it.each(['limit=0', 'limit=501', 'limit=abc', 'state=closed', 'since=yesterday', 'cursor=%%%'])(
    'refuses %s with 400 in the error shape',
    async (q) => {
      const result = await listIncidents(createMemoryStore(), params(q));
      expect(result.status).toBe(400);
      expect(JSON.parse(result.body)).toMatchObject({ error: { code: 'bad_query' } });
    },
  );

  it('shows one incident with events and updates, 404 for an unknown id', async () => {
    const store = await withIncidents(2);
    const found = await showIncident(store, 'inc-001');
    expect(found.status).toBe(200);
    expect(JSON.parse(found.body)).toMatchObject({
      id: 'inc-001',
      state: 'open',
      events: [{ kind: 'opened', summary: 'opened' }],
      updates: [{ stage: 'investigating', voice: 'public', text: 'draft 1', published_at: null }],
      notifications: [],
    });
    const missing = await showIncident(store, 'nope');
    expect(missing.status).toBe(404);
    expect(JSON.parse(missing.body)).toMatchObject({ error: { code: 'not_found' } });
  });
});

function recordRow(i: number, provider = 'anthropic'): RecordRow {
  const ts = new Date(T0 + Math.floor(i / 3) * 1000).toISOString();
  return {
    tsMs: Date.parse(ts),
    kind: 'call',
    provider,
    model: 'claude-opus-4-7',
    source: 'sdk',
    layer: i % 4 === 0 ? 'provider' : 'none',
    json: JSON.stringify({ ts, provider, model: 'claude-opus-4-7', n: i, extra: { ü: true } }),
  };
}

describe('GET /v1/records', () => {
  it('pages by ts then arrival with a Link header, each record exactly as stored', async () => {
    const store = createMemoryStore();
    const rows = Array.from({ length: 25 }, (_, i) =>
      recordRow(i, i % 5 === 0 ? 'openai' : 'anthropic'),
    );
    await store.commitRecords({ rows, response: '{}', nowMs: T0 });
    const out: string[] = [];
    let next: string | undefined = '/v1/records?limit=7&from=2026-11-22T00:00:00.000Z';
    while (next !== undefined) {
      const url = new URL(next, 'http://127.0.0.1');
      const result = await exportRecords(store, url, T0 + 3_600_000);
      expect(result.status).toBe(200);
      expect(result.contentType).toMatch(/^application\/x-ndjson/);
      out.push(...result.body.split('\n').filter(Boolean));
      next = /^<([^>]+)>; rel="next"$/.exec(result.headers?.link ?? '')?.[1];
    }
    expect(out).toEqual(rows.map((r) => r.json));
    const openai = await exportRecords(
      store,
      new URL('http://x/v1/records?provider=openai&layer=provider&from=2026-11-22T00:00:00.000Z'),
      T0 + 3_600_000,
    );
    expect(openai.body.split('\n').filter(Boolean)).toEqual(
      rows.filter((r) => r.provider === 'openai' && r.layer === 'provider').map((r) => r.json),
    );
  });

  it('defaults to the last 24 hours and refuses bad parameters', async () => {
    const store = createMemoryStore();
    await store.commitRecords({ rows: [recordRow(0)], response: '{}', nowMs: T0 });
    const later = await exportRecords(store, new URL('http://x/v1/records'), T0 + 25 * 3_600_000);
    expect(later.body).toBe('');
    const now = await exportRecords(store, new URL('http://x/v1/records'), T0 + 3_600_000);
    expect(now.body).toBe(`${recordRow(0).json}\n`);
    for (const q of ['limit=10001', 'kind=calls', 'layer=nope', 'source=other', 'from=x']) {
      expect((await exportRecords(store, new URL(`http://x/v1/records?${q}`), T0)).status).toBe(
        400,
      );
    }
  });
});
