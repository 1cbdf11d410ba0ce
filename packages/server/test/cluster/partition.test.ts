// A leader cut off from PostgreSQL by a silent partition steps down before PostgreSQL frees its lock for another.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, PG_PORT, type TestDatabase } from '../store/pg-harness.js';
import { eventually, startReplica, type Replica } from './cluster-rig.js';
import { startStallProxy, type StallProxy } from './stall-proxy.js';

let db: TestDatabase;
let proxy: StallProxy | undefined;
const running = new Set<Replica>();
beforeAll(async () => {
  db = await createTestDatabase('faultline_partition');
}, 30_000);
afterAll(async () => {
  proxy?.heal();
  for (const r of running) await r.service.close();
  await proxy?.close();
  await db?.drop();
});

describe('a partitioned leader', () => {
  it('steps down within a few seconds, and another replica leads only after that, within 15 s', async () => {
    proxy = await startStallProxy();
    const direct = await db.freshSchema();
    const viaProxy = direct.replace(`:${PG_PORT}/`, `:${proxy.port}/`);
    const cutOff = await startReplica('cut-off', viaProxy);
    running.add(cutOff);
    await eventually('the first replica to lead', () => cutOff.service.role() === 'leader');
    const other = await startReplica('other', direct);
    running.add(other);
    expect(other.service.role()).toBe('follower');

    const t0 = Date.now();
    proxy.stall(); // nothing passes either way, and no connection closes
    let downMs = 0;
    let upMs = 0;
    await Promise.all([
      eventually('the cut-off leader to step down', () => {
        if (cutOff.service.role() === 'leader') return false;
        downMs = Date.now() - t0;
        return true;
      }),
      eventually(
        'the other replica to lead',
        () => {
          if (other.service.role() !== 'leader') return false;
          upMs = Date.now() - t0;
          return true;
        },
        15_000,
      ),
    ]);
    expect(downMs).toBeLessThanOrEqual(4_000);
    // PostgreSQL ends the silent session (idle_session_timeout) well after the leader gave up.
    expect(upMs).toBeGreaterThan(downMs + 3_000);
    expect(cutOff.logs.some((l) => l.startsWith('cluster: lost leadership ('))).toBe(true);

    proxy.heal();
    await eventually('the healed replica to follow again', () =>
      cutOff.logs.includes('cluster: follower'),
    );
    await new Promise((r) => setTimeout(r, 2_500)); // a campaign or two: the lock stays taken
    expect([cutOff, other].map((r) => r.service.role())).toEqual(['follower', 'leader']);
  }, 40_000);
});
