// The read API of a spawned `faultline serve`: incident list filters and cursor, detail, health, records export.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateScenario } from '@faultline/scenarios';
import { burstRecords } from './burst.js';
import { streamInRealTime } from './scenario-stream.js';
import { seedStore, shifted } from './seed-store.js';
import { serveDir, startServe, TOKENS, type Served } from './spawn-serve.js';

const MINUTE = 60_000;
const dir = serveDir('faultline-api-');
let served: Served;
/** Two provider incidents (anthropic, openai) 40 minutes ago, resolved by now. */
const oldStartMs = Math.floor(Date.now() / MINUTE) * MINUTE - 40 * MINUTE;
const old = shifted(
  generateScenario('two-providers-at-once', { seed: 1, durationMs: 600_000 }),
  oldStartMs,
);
const burstExtra = { team_label: 'checkout' };
const burstStartMs = Math.ceil(Date.now() / 1000) * 1000 + 2000;
const burst = burstRecords({
  startMs: burstStartMs,
  seconds: 10,
  provider: 'google',
  model: 'gemini-2.5-pro',
  extra: burstExtra,
});

beforeAll(async () => {
  await seedStore(dir.dbPath, old, oldStartMs + 10 * MINUTE);
  served = await startServe(dir.writeConfig(), dir.dir);
  await streamInRealTime({ url: served.url, token: TOKENS.ingest, records: burst });
  for (let i = 0; i < 100 && (await list('state=open')).incidents.length === 0; i++)
    await new Promise((r) => setTimeout(r, 200));
}, 60_000);
afterAll(async () => {
  await served?.stop();
  dir.cleanup();
});

interface Listed {
  readonly id: string;
  readonly provider: string;
  readonly state: 'open' | 'resolved';
  readonly started_at: string;
  readonly resolved_at: string | null;
  readonly updated_at: string;
}
interface ListBody {
  readonly incidents: Listed[];
  readonly next_cursor: string | null;
}

async function get(path: string, token: string = TOKENS.read): Promise<Response> {
  return fetch(`${served.url}${path}`, { headers: { authorization: `Bearer ${token}` } });
}
async function list(query: string): Promise<ListBody> {
  const res = await get(`/v1/incidents?${query}`);
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toMatch(/^application\/json/);
  return (await res.json()) as ListBody;
}
const TIME = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;

describe('GET /v1/incidents on the running service', () => {
  it('lists the resolved and the open incidents newest first, each with state and updated_at', async () => {
    const all = (await list('')).incidents;
    expect(all.map((i) => [i.provider, i.state])).toEqual([
      ['google', 'open'],
      ...all.slice(1).map((i) => [i.provider, 'resolved']),
    ]);
    expect(
      all
        .slice(1)
        .map((i) => i.provider)
        .sort(),
    ).toEqual(['anthropic', 'openai']);
    const starts = all.map((i) => Date.parse(i.started_at));
    expect(starts).toEqual([...starts].sort((a, b) => b - a));
    for (const i of all) expect(i.updated_at).toMatch(TIME);
  });

  it('filters by state, provider and since', async () => {
    expect((await list('state=open')).incidents.map((i) => i.provider)).toEqual(['google']);
    const resolved = (await list('state=resolved')).incidents;
    expect(resolved.map((i) => i.state)).toEqual(['resolved', 'resolved']);
    expect((await list('provider=openai')).incidents.map((i) => i.provider)).toEqual(['openai']);
    const lastEnd = Math.max(...resolved.map((i) => Date.parse(i.resolved_at!)));
    const since = new Date(lastEnd + 1000).toISOString();
    expect((await list(`since=${since}`)).incidents.map((i) => i.provider)).toEqual(['google']);
    const before = new Date(oldStartMs).toISOString();
    expect((await list(`since=${before}`)).incidents).toHaveLength(3);
  });

  it('pages with limit and next_cursor, each incident once, the last page without a cursor', async () => {
    const ids: string[] = [];
    let body = await list('limit=1');
    for (ids.push(...body.incidents.map((i) => i.id)); body.next_cursor !== null;) {
      body = await list(`limit=1&cursor=${encodeURIComponent(body.next_cursor)}`);
      expect(body.incidents).toHaveLength(1);
      ids.push(body.incidents[0]!.id);
    }
    expect(ids).toEqual((await list('')).incidents.map((i) => i.id));
  });

  it.each(['limit=0', 'limit=501', 'state=closed', 'since=yesterday', 'cursor=nonsense'])(
    'refuses %s with 400 in the error shape',
    async (query) => {
      const res = await get(`/v1/incidents?${query}`);
      expect(res.status).toBe(400);
      expect(res.headers.get('content-type')).toMatch(/^application\/json/);
      const body = (await res.json()) as { error: { code: string; message: string } };
      expect(Object.keys(body)).toEqual(['error']);
      expect(body.error.code).toMatch(/^[a-z_]+$/);
      expect(body.error.message.length).toBeGreaterThan(0);
    },
  );
});

interface Detail {
  readonly id: string;
  readonly state: string;
  readonly events: { kind: string; at: string; summary: string }[];
  readonly updates: {
    stage: string;
    voice: string;
    text: string;
    drafted_at: string;
    published_at: string | null;
  }[];
  readonly notifications: unknown[];
}

describe('GET /v1/incidents/{id} on the running service', () => {
  it('shows a resolved incident with its events in order and drafts per stage and voice', async () => {
    for (const { id } of (await list('state=resolved')).incidents) {
      const res = await get(`/v1/incidents/${encodeURIComponent(id)}`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/^application\/json/);
      const d = (await res.json()) as Detail;
      expect(d.id).toBe(id);
      expect(d.events[0]!.kind).toBe('opened');
      expect(d.events.at(-1)!.kind).toBe('resolved');
      for (const e of d.events) {
        expect(['opened', 'updated', 'resolved', 'reopened', 'merged']).toContain(e.kind);
        expect(e.at).toMatch(TIME);
        expect(e.summary.length).toBeGreaterThan(0);
      }
      const ats = d.events.map((e) => Date.parse(e.at));
      expect(ats).toEqual([...ats].sort((a, b) => a - b));
      const pairs = new Set(d.updates.map((u) => `${u.stage}/${u.voice}`));
      for (const stage of ['identified', 'resolved'])
        for (const voice of ['public', 'internal']) expect(pairs).toContain(`${stage}/${voice}`);
      for (const u of d.updates) {
        expect(['investigating', 'identified', 'monitoring', 'resolved']).toContain(u.stage);
        expect(u.drafted_at).toMatch(TIME);
        expect(u.published_at).toBeNull();
        expect(u.text.length).toBeGreaterThan(0);
      }
      expect(d.notifications).toEqual([]);
    }
  });

  it('shows the open incident with its opening and its identified drafts', async () => {
    const [open] = (await list('state=open')).incidents;
    const d = (await (await get(`/v1/incidents/${open!.id}`)).json()) as Detail;
    expect(d.state).toBe('open');
    expect(d.events[0]!.kind).toBe('opened');
    expect(d.events.map((e) => e.kind)).not.toContain('resolved');
    expect(d.updates.map((u) => `${u.stage}/${u.voice}`).sort()).toEqual(
      expect.arrayContaining(['identified/internal', 'identified/public']),
    );
  });

  it('answers 404 in the error shape for an unknown id', async () => {
    const res = await get('/v1/incidents/inc-19700101-0000-nobody');
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('not_found');
  });
});

describe('GET /v1/health on the running service', () => {
  it('lists every provider with traffic in the last hour, per model, in the spec shape', async () => {
    const res = await get('/v1/health');
    expect(res.status).toBe(200);
    const body = (await res.json()) as {
      at: string;
      providers: {
        provider: string;
        state: string;
        status_page: unknown;
        models: {
          model: string;
          state: string;
          calls_1m: number;
          failure_share_1m: number;
          incident: string | null;
          breaker: string;
        }[];
      }[];
    };
    expect(body.at).toMatch(TIME);
    const names = body.providers.map((p) => p.provider).sort();
    expect(names).toEqual(['anthropic', 'google', 'mistral', 'openai']);
    for (const p of body.providers) {
      expect(['ok', 'degraded', 'down']).toContain(p.state);
      expect(p.status_page).toBeNull();
      for (const m of p.models) {
        expect(['ok', 'degraded', 'down']).toContain(m.state);
        expect(['closed', 'open', 'half_open']).toContain(m.breaker);
        expect(m.failure_share_1m).toBeGreaterThanOrEqual(0);
        expect(m.failure_share_1m).toBeLessThanOrEqual(1);
      }
    }
    const google = body.providers.find((p) => p.provider === 'google')!;
    const gemini = google.models.find((m) => m.model === 'gemini-2.5-pro')!;
    // Every gemini call of the last minute failed: down, its breaker open, the open incident names it.
    expect(gemini).toMatchObject({ state: 'down', failure_share_1m: 1, breaker: 'open' });
    expect(gemini.calls_1m).toBe(burst.filter((r) => r.provider === 'google').length);
    expect(gemini.incident).toBe((await list('state=open')).incidents[0]!.id);
    const quiet = body.providers.find((p) => p.provider === 'openai')!;
    expect(quiet.state).toBe('ok');
    expect(quiet.models.every((m) => m.calls_1m === 0)).toBe(true);
  });
});

describe('GET /v1/records on the running service', () => {
  it('exports a window in ts order, page by page through Link, every record once', async () => {
    const from = new Date(oldStartMs).toISOString();
    const to = new Date(oldStartMs + 10 * MINUTE).toISOString();
    let next: string | undefined = `/v1/records?from=${from}&to=${to}&limit=2500`;
    const lines: { ts: number; classification: { layer: string } }[] = [];
    let pages = 0;
    while (next !== undefined) {
      const res = await get(next);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/^application\/x-ndjson/);
      const text = await res.text();
      lines.push(
        ...text
          .split('\n')
          .filter((l) => l !== '')
          .map((l) => JSON.parse(l) as never),
      );
      pages++;
      const link = res.headers.get('link');
      next = link === null ? undefined : /^<([^>]+)>; rel="next"$/.exec(link)![1]!;
      if (next !== undefined && next.startsWith('http'))
        next = new URL(next).pathname + new URL(next).search;
    }
    expect(pages).toBe(Math.ceil(old.length / 2500));
    expect(lines).toHaveLength(old.length);
    const ts = lines.map((l) => l.ts);
    expect(ts).toEqual([...ts].sort((a, b) => a - b));
    for (const l of lines) expect(typeof l.classification.layer).toBe('string');
  });

  it('gives each record back exactly as ingested, unknown fields kept, with its classification', async () => {
    const from = new Date(burstStartMs).toISOString();
    const res = await get(`/v1/records?from=${from}&provider=google&model=gemini-2.5-pro`);
    const got = (await res.text())
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    const sent = burst.filter((r) => r.provider === 'google');
    const withoutClassification = (r: Record<string, unknown>): Record<string, unknown> =>
      Object.fromEntries(Object.entries(r).filter(([k]) => k !== 'classification'));
    expect(got.map(withoutClassification)).toEqual(sent);
    for (const r of got)
      expect(r).toMatchObject({ team_label: 'checkout', classification: { layer: 'provider' } });
  });

  it.each(['kind=nope', 'layer=cosmic', 'limit=10001', 'from=soon'])(
    'refuses %s with 400 in the error shape',
    async (query) => {
      const res = await get(`/v1/records?${query}`);
      expect(res.status).toBe(400);
      expect(((await res.json()) as { error: { code: string } }).error.code).toMatch(/^[a-z_]+$/);
    },
  );
});
