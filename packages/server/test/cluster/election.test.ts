// Replicas on one PostgreSQL: exactly one leads, the others follow and serve; the lead passes on.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../store/pg-harness.js';
import {
  eventually,
  getJson,
  leaderGauge,
  startReplica,
  terminateLeaderSession,
  type Replica,
} from './cluster-rig.js';

let db: TestDatabase;
const running = new Set<Replica>();
beforeAll(async () => {
  db = await createTestDatabase('faultline_cluster');
}, 30_000);
afterAll(async () => {
  for (const r of running) await r.service.close();
  await db?.drop();
});

async function replicas(url: string, n: number): Promise<Replica[]> {
  const all: Replica[] = [];
  // One after another (which of them takes the lock first is up to the campaign timers).
  for (let i = 0; i < n; i++) {
    const r = await startReplica(`r${i}`, url);
    running.add(r);
    all.push(r);
  }
  return all;
}

async function close(r: Replica): Promise<void> {
  await r.service.close();
  running.delete(r);
}

const leaders = (all: readonly Replica[]): Replica[] =>
  all.filter((r) => r.service.role() === 'leader');

describe('leader election on PostgreSQL', () => {
  it('elects exactly one leader; followers are ready, say so in /v1/health and /metrics', async () => {
    const all = await replicas(await db.freshSchema(), 3);
    await eventually('a leader', () => leaders(all).length === 1);
    const [leader] = leaders(all);
    expect(leader).toBeDefined();
    for (const r of all) {
      const role = r === leader ? 'leader' : 'follower';
      expect(await leaderGauge(r.url)).toBe(r === leader ? 1 : 0);
      expect((await fetch(`${r.url}/readyz`)).status).toBe(200);
      await eventually(`${r.name}'s health`, async () => {
        const h = await getJson<{
          replica: { role: string; leader_health_age_s?: number | null };
          providers: unknown[];
        }>(r.url, '/v1/health');
        // A follower serves the document the leader sent over the store, a second old at most.
        const fresh = role === 'leader' || (h.replica.leader_health_age_s ?? 99) <= 2;
        return h.replica.role === role && Array.isArray(h.providers) && fresh;
      });
      const line = role === 'leader' ? 'cluster: leader (lock acquired)' : 'cluster: follower';
      expect(r.logs).toContain(line);
    }
    // Over a few more campaigns, nobody else takes the lock.
    await new Promise((r) => setTimeout(r, 2_500));
    expect(leaders(all)).toEqual([leader]);
    for (const r of all) await close(r);
  }, 30_000);

  it('hands the lead to another replica within 15 s when the leader closes or its session dies', async () => {
    const all = await replicas(await db.freshSchema(), 3);
    await eventually('a leader', () => leaders(all).length === 1);
    const first = leaders(all)[0]!;
    const t0 = Date.now();
    await close(first);
    const rest = all.filter((r) => r !== first);
    await eventually('a new leader', () => leaders(rest).length === 1, 15_000);
    const closeTakeoverMs = Date.now() - t0;
    const second = leaders(rest)[0]!;
    expect(await leaderGauge(second.url)).toBe(1);

    // The lock session dies under the leader (terminated by PostgreSQL): it steps down at once.
    const t1 = Date.now();
    expect(await terminateLeaderSession(db.name)).toBe(1);
    await eventually(
      'the old leader to step down',
      () => second.service.role() === 'follower',
      5_000,
    );
    expect(second.logs.some((l) => l.startsWith('cluster: lost leadership ('))).toBe(true);
    const third = rest.find((r) => r !== second)!;
    await eventually('the other replica to lead', () => third.service.role() === 'leader', 15_000);
    const killTakeoverMs = Date.now() - t1;
    expect(leaders(rest)).toEqual([third]);
    expect(await leaderGauge(second.url)).toBe(0);
    // The stepped-down replica follows again: it reconnects, and serves readiness.
    await eventually(
      'the old leader to be ready as a follower',
      async () => (await fetch(`${second.url}/readyz`)).status === 200,
    );
    expect(Math.max(closeTakeoverMs, killTakeoverMs)).toBeLessThan(15_000);
    for (const r of rest) await close(r);
  }, 40_000);
});
