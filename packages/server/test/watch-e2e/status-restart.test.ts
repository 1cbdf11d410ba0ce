// A restart does not re-announce what the status page already said: the pollers and the status
// view start from the stored observations, so an unchanged component gets no new status record,
// no new `status.changed` entry and keeps its `first_seen`; a real change after it is emitted once.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startFakeProvider, type FakeProvider } from '@faultline/fake-provider';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateConfig } from '../../src/config/index.js';
import { startService, type RunningService } from '../../src/serve/start-service.js';
import { ChangeTracker } from '../../src/status-pages/change-tracker.js';

const TOKEN = 'admin-token-for-restart-tests';
const dir = mkdtempSync(join(tmpdir(), 'faultline-status-restart-'));
let provider: FakeProvider;
beforeAll(async () => {
  provider = await startFakeProvider({
    seed: 1,
    statusPages: [{ id: 'anthropic', lag: 0, recoveryLag: 0 }],
  });
});
afterAll(async () => {
  await provider.close();
  rmSync(dir, { recursive: true, force: true });
});

function start(): Promise<RunningService> {
  const config = validateConfig(
    {
      store: join(dir, 'faultline.db'),
      tokens: [{ name: 'oncall', role: 'admin', token: TOKEN }],
      status_pages: [
        {
          provider: 'anthropic',
          kind: 'statuspage',
          url: `${provider.url}/status/anthropic`,
          every: '100ms',
        },
      ],
    },
    { env: {} },
  );
  return startService({ config, log: () => undefined, port: 0 });
}

type Observation = { status: string; first_seen: string; ts: string };
async function statusRecords(s: RunningService): Promise<Observation[]> {
  const res = await fetch(`${s.address.url}/v1/records?kind=status`, {
    headers: { authorization: `Bearer ${TOKEN}` },
  });
  const text = await res.text();
  return text === ''
    ? []
    : text
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l) as Observation);
}
async function statusChanges(s: RunningService): Promise<Record<string, unknown>[]> {
  const feed = await s.store.feedAfter(0, 1000);
  return feed
    .filter((e) => e.type === 'status.changed')
    .map((e) => JSON.parse(e.data) as Record<string, unknown>);
}
type PageHealth = { status: string; read_at: string | null } | null | undefined;
/** The page as /v1/health shows it. */
async function pageHealth(s: RunningService): Promise<PageHealth> {
  const res = await fetch(`${s.address.url}/v1/health`, {
    headers: { authorization: `Bearer ${TOKEN}` },
  });
  const h = (await res.json()) as { providers: { provider: string; status_page: PageHealth }[] };
  return h.providers.find((p) => p.provider === 'anthropic')?.status_page;
}
/** The page's last good read. */
async function readAt(s: RunningService): Promise<number> {
  const at = (await pageHealth(s))?.read_at;
  return at == null ? 0 : Date.parse(at);
}
async function until(what: string, ok: () => Promise<boolean>, ms = 8000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await ok())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
/** Waits for two polls that began after now. */
async function twoPollsLater(s: RunningService): Promise<void> {
  const since = Date.now();
  await until('a poll', async () => (await readAt(s)) > since);
  const next = await readAt(s);
  await until('another poll', async () => (await readAt(s)) > next);
}

describe('a status page across a restart', () => {
  it('re-emits nothing unchanged, keeps first_seen, and emits a real change once', async () => {
    const first = await start();
    await until('the first reading', async () => (await statusRecords(first)).length === 1);
    await twoPollsLater(first);
    const [before] = await statusRecords(first);
    expect(before).toMatchObject({ status: 'operational' });
    expect(await statusChanges(first)).toMatchObject([{ from: null, to: 'operational' }]);
    await first.close();

    const second = await start();
    try {
      await twoPollsLater(second);
      expect(await statusRecords(second)).toEqual([before]);
      expect(await statusChanges(second)).toHaveLength(1);
      expect(await pageHealth(second)).toMatchObject({ status: 'operational' });

      provider.addFaults([{ provider: 'anthropic', fault: { kind: 'overload' } }]);
      await until('the change', async () => (await statusRecords(second)).length === 2);
      await twoPollsLater(second);
      const records = await statusRecords(second);
      expect(records).toHaveLength(2);
      expect(records[1]!.status).not.toBe('operational');
      expect(Date.parse(records[1]!.first_seen)).toBeGreaterThan(Date.parse(before!.first_seen));
      const changes = await statusChanges(second);
      expect(changes).toHaveLength(2);
      expect(changes[1]).toMatchObject({ from: 'operational', to: records[1]!.status });
    } finally {
      await second.close();
    }
  });
});

describe('two status pages of one provider across a restart', () => {
  const T0 = Date.parse('2026-11-22T07:00:00Z');
  const full = {
    provider: 'anthropic',
    components: {},
    kind: 'statuspage',
    url: 'https://a.example/',
  } as const;
  const affectedOnly = { ...full, kind: 'incidentio', url: 'https://b.example/' } as const;
  const outage = { component: 'Claude API', status: 'partial_outage', incident: 'Errors' } as const;

  it("seeds each page with its own readings: the other page's outage is not announced as over", () => {
    const [stored] = new ChangeTracker(full).observe([outage], T0, true);
    expect(stored).toMatchObject({
      status: 'partial_outage',
      page_id: expect.any(String) as unknown,
    });
    expect(JSON.stringify(stored)).not.toContain('example');
    // After the restart: the page that lists only affected components does not list it.
    const other = new ChangeTracker(affectedOnly);
    other.seed([stored!]);
    expect(other.observe([], T0 + 60_000, false)).toEqual([]);
    // The page that said it still says it: nothing new, first_seen kept.
    const same = new ChangeTracker(full);
    same.seed([stored!]);
    expect(same.observe([outage], T0 + 60_000, true)).toEqual([]);
    // A reading of the affected-only page itself is still seeded, and its end is announced.
    const [own] = new ChangeTracker(affectedOnly).observe([outage], T0, false);
    const again = new ChangeTracker(affectedOnly);
    again.seed([own!]);
    expect(again.observe([], T0 + 60_000, false)).toMatchObject([{ status: 'operational' }]);
  });

  it('takes a reading stored before pages carried page_id as any page of the provider', () => {
    const [stored] = new ChangeTracker({ provider: 'anthropic', components: {} }).observe(
      [outage],
      T0,
      true,
    );
    expect(stored).not.toHaveProperty('page_id');
    const tracker = new ChangeTracker(full);
    tracker.seed([stored!]);
    expect(tracker.observe([outage], T0 + 60_000, true)).toEqual([]);
  });
});
