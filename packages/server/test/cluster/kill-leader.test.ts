// Two `faultline serve` processes on one PostgreSQL: SIGKILL the leader, the other leads within 15 s.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  eventually,
  killHard,
  serviceDir,
  startServe,
  type ServiceDir,
  type ServiceProcess,
} from '../serve/service-process.js';
import { createTestDatabase, type TestDatabase } from '../store/pg-harness.js';
import { leaderGauge } from './cluster-rig.js';

let db: TestDatabase;
const dirs: ServiceDir[] = [];
const running = new Set<ServiceProcess>();
beforeAll(async () => {
  db = await createTestDatabase('faultline_kill');
}, 30_000);
afterAll(async () => {
  for (const p of running) await killHard(p);
  for (const d of dirs) d.cleanup();
  await db?.drop();
});

const LEAD = 'faultline serve: cluster: leader (lock acquired)';
const leads = (p: ServiceProcess): boolean => p.stderr().includes(LEAD);

describe('faultline serve replicas', () => {
  it('passes the lead to the other process within 15 s of a SIGKILL', async () => {
    const url = await db.freshSchema();
    const serve = async (): Promise<ServiceProcess> => {
      const dir = serviceDir(url);
      dirs.push(dir);
      const p = await startServe(dir.configPath, dir.dir);
      running.add(p);
      return p;
    };
    const first = await serve();
    await eventually('the first process to lead', () => leads(first));
    const second = await serve();
    await eventually('the second to follow', () =>
      second.stderr().includes('faultline serve: cluster: follower'),
    );
    expect(await leaderGauge(first.url)).toBe(1);
    expect(await leaderGauge(second.url)).toBe(0);

    const t0 = Date.now();
    await killHard(first);
    running.delete(first);
    await eventually('the second process to lead', () => leads(second), 15_000);
    expect(Date.now() - t0).toBeLessThan(15_000);
    expect(await leaderGauge(second.url)).toBe(1);
    expect((await fetch(`${second.url}/readyz`)).status).toBe(200);
  }, 40_000);
});
