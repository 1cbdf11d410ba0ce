// Contract: incidents with their events, drafted and published updates, deliveries and the feed.
import { describe, expect, it } from 'vitest';
import type { IncidentChange, IncidentRow, Store } from '../../src/store/port.js';
import type { ContractContext } from './contract-context.js';

const T0 = Date.UTC(2026, 10, 22, 6, 0, 0);

/** An incident row; its JSON carries unicode and a field no schema knows. */
export function incidentRow(id: string, over: Partial<IncidentRow> = {}): IncidentRow {
  const row = {
    id,
    state: 'open' as const,
    provider: 'openai',
    startedAtMs: T0,
    endedAtMs: null,
    updatedAtMs: T0,
    ...over,
  };
  return {
    ...row,
    json: over.json ?? `{"id":"${id}", "title":"Überlastung — 529s 🔥","x_future":[1.50]}`,
  };
}

function change(incident: IncidentRow, over: Partial<IncidentChange> = {}): IncidentChange {
  return {
    incident,
    event: { kind: 'opened', atMs: incident.updatedAtMs, summary: `${incident.id} opened` },
    updates: [],
    ...over,
  };
}

const draft = (
  stage: 'investigating' | 'identified',
  voice: 'public' | 'internal',
  text: string,
  atMs = T0,
) => ({ stage, voice, text, draftedAtMs: atMs });

/** Declares the incident tests. */
export function incidentsContract(ctx: ContractContext): void {
  describe('incidents', () => {
    it('keeps an incident byte for byte with its events in order, and updates it in place', async () => {
      const store = ctx.store();
      const opened = incidentRow('inc-1');
      expect(await store.saveIncidentChange(change(opened))).toBe(0);
      const resolved = incidentRow('inc-1', {
        state: 'resolved',
        endedAtMs: T0 + 60_000,
        updatedAtMs: T0 + 60_000,
        json: '{"id":"inc-1","state":"resolved"}',
      });
      await store.saveIncidentChange(
        change(resolved, {
          event: { kind: 'resolved', atMs: T0 + 60_000, summary: 'recovered · 恢复' },
        }),
      );
      const detail = await store.incident('inc-1');
      expect(detail?.incident).toEqual(resolved);
      expect(detail?.events).toEqual([
        { kind: 'opened', atMs: T0, summary: 'inc-1 opened' },
        { kind: 'resolved', atMs: T0 + 60_000, summary: 'recovered · 恢复' },
      ]);
      expect(detail?.updates).toEqual([]);
      expect(detail?.notifications).toEqual([]);
      expect(await store.incident('nope')).toBeUndefined();
      expect((await store.queryIncidents({ limit: 10 })).map((r) => r.json)).toEqual([
        resolved.json,
      ]);
    });

    it('replaces a draft of the same stage and voice, but never a published one', async () => {
      const store = ctx.store();
      const inc = incidentRow('inc-2');
      await store.saveIncidentChange(
        change(inc, {
          updates: [
            draft('investigating', 'public', 'v1'),
            draft('investigating', 'internal', 'i1'),
          ],
        }),
      );
      const published = await store.publishUpdate(
        'inc-2',
        'investigating',
        'public',
        'edited v1',
        T0 + 5,
      );
      expect(published).toEqual({
        stage: 'investigating',
        voice: 'public',
        text: 'edited v1',
        draftedAtMs: T0,
        publishedAtMs: T0 + 5,
      });
      const next = [
        draft('investigating', 'public', 'v2', T0 + 9),
        draft('investigating', 'internal', 'i2', T0 + 9),
        draft('identified', 'public', 'id1', T0 + 9),
      ];
      await store.saveIncidentChange(
        change(inc, { event: { kind: 'updated', atMs: T0 + 9, summary: 's' }, updates: next }),
      );
      const detail = await store.incident('inc-2');
      expect(detail?.updates).toEqual([
        {
          stage: 'investigating',
          voice: 'public',
          text: 'edited v1',
          draftedAtMs: T0,
          publishedAtMs: T0 + 5,
        },
        {
          stage: 'investigating',
          voice: 'internal',
          text: 'i2',
          draftedAtMs: T0 + 9,
          publishedAtMs: null,
        },
        {
          stage: 'identified',
          voice: 'public',
          text: 'id1',
          draftedAtMs: T0 + 9,
          publishedAtMs: null,
        },
      ]);
    });

    it('publishes a draft with its own text unless edited, and finds none where none was drafted', async () => {
      const store = ctx.store();
      await store.saveIncidentChange(
        change(incidentRow('inc-3'), {
          updates: [draft('identified', 'internal', 'as drafted ✓')],
        }),
      );
      const row = await store.publishUpdate('inc-3', 'identified', 'internal', undefined, T0 + 7);
      expect(row).toEqual({
        stage: 'identified',
        voice: 'internal',
        text: 'as drafted ✓',
        draftedAtMs: T0,
        publishedAtMs: T0 + 7,
      });
      expect((await store.incident('inc-3'))?.updates).toEqual([row]);
      expect(await store.publishUpdate('inc-3', 'identified', 'public', 'x', T0)).toBeUndefined();
      expect(await store.publishUpdate('inc-3', 'monitoring', 'internal', 'x', T0)).toBeUndefined();
      expect(await store.publishUpdate('nope', 'identified', 'internal', 'x', T0)).toBeUndefined();
    });

    it('adds the change feed entry in the same step, at the event time, on the shared feed ids', async () => {
      const store = ctx.store();
      const before = await store.appendFeed({
        type: 'breaker.changed',
        atMs: T0,
        data: '{"to":"open"}',
      });
      const id = await store.saveIncidentChange(
        change(incidentRow('inc-4', { updatedAtMs: T0 + 3 })),
        { type: 'incident.opened', data: '{"id":"inc-4","t":"ß"}' },
      );
      expect(id).toBeGreaterThan(before);
      expect(await store.feedAfter(before, 10)).toEqual([
        { id, type: 'incident.opened', atMs: T0 + 3, data: '{"id":"inc-4","t":"ß"}' },
      ]);
    });

    listContract(ctx);
    deliveriesContract(ctx);
  });
}

async function seedList(store: Store): Promise<void> {
  const rows = [
    incidentRow('b', { startedAtMs: T0 + 2000 }),
    incidentRow('a', { startedAtMs: T0 + 2000, provider: 'anthropic' }),
    incidentRow('old', { startedAtMs: T0, state: 'resolved', endedAtMs: T0 + 500 }),
    incidentRow('edge', { startedAtMs: T0 + 100, state: 'resolved', endedAtMs: T0 + 1000 }),
    incidentRow('global', { startedAtMs: T0 + 3000, provider: null }),
  ];
  for (const r of rows) await store.saveIncidentChange(change(r));
}

function listContract(ctx: ContractContext): void {
  it('lists incidents newest start first, then by id, filtered by state, provider and activity', async () => {
    const store = ctx.store();
    await seedList(store);
    const ids = async (q: Parameters<Store['queryIncidents']>[0]) =>
      (await store.queryIncidents(q)).map((r) => r.id);
    expect(await ids({ limit: 10 })).toEqual(['global', 'a', 'b', 'edge', 'old']);
    expect(await ids({ limit: 10, state: 'resolved' })).toEqual(['edge', 'old']);
    expect(await ids({ limit: 10, state: 'open', provider: 'openai' })).toEqual(['b']);
    expect(await ids({ limit: 10, sinceMs: T0 + 1000 })).toEqual(['global', 'a', 'b', 'edge']);
    expect(await ids({ limit: 10, sinceMs: T0 + 1001 })).toEqual(['global', 'a', 'b']);
    expect(await ids({ limit: 2 })).toEqual(['global', 'a']);
  });

  it('continues a list after the cursor without repeats or gaps', async () => {
    const store = ctx.store();
    await seedList(store);
    const seen: string[] = [];
    let after: { startedAtMs: number; id: string } | undefined;
    for (let i = 0; i < 10; i++) {
      const page = await store.queryIncidents(
        after === undefined ? { limit: 2 } : { limit: 2, after },
      );
      const last = page.at(-1);
      if (last === undefined) break;
      seen.push(...page.map((r) => r.id));
      after = { startedAtMs: last.startedAtMs, id: last.id };
    }
    expect(seen).toEqual(['global', 'a', 'b', 'edge', 'old']);
  });
}

function deliveriesContract(ctx: ContractContext): void {
  it('keeps the last saved delivery per incident, channel and event, shown with the incident', async () => {
    const store = ctx.store();
    await store.saveIncidentChange(change(incidentRow('inc-5')));
    const base = {
      incidentId: 'inc-5',
      channel: 'slack-oncall',
      kind: 'slack',
      event: 'opened',
      atMs: T0,
      outcome: 'retrying',
      attempts: 1,
    } as const;
    await store.saveDelivery(base);
    await store.saveDelivery({ ...base, atMs: T0 + 10, outcome: 'delivered', attempts: 2 });
    await store.saveDelivery({
      ...base,
      event: 'resolved',
      atMs: T0 + 20,
      outcome: 'failed',
      attempts: 5,
    });
    await store.saveDelivery({ ...base, incidentId: 'other' });
    expect((await store.incident('inc-5'))?.notifications).toEqual([
      { ...base, atMs: T0 + 10, outcome: 'delivered', attempts: 2 },
      { ...base, event: 'resolved', atMs: T0 + 20, outcome: 'failed', attempts: 5 },
    ]);
  });

  it('grants a claim on incident, stage and channel once, even to callers at the same time', async () => {
    const store = ctx.store();
    const claims = await Promise.all(
      Array.from({ length: 5 }, () => store.claimDelivery('inc-6', 'identified', 'email')),
    );
    expect(claims.filter(Boolean)).toHaveLength(1);
    expect(await store.claimDelivery('inc-6', 'identified', 'email')).toBe(false);
    expect(await store.claimDelivery('inc-6', 'identified', 'slack')).toBe(true);
    expect(await store.claimDelivery('inc-6', 'resolved', 'email')).toBe(true);
    expect(await store.claimDelivery('inc-7', 'identified', 'email')).toBe(true);
  });
}
