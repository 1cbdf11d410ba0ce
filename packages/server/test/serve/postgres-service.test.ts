// faultline serve on PostgreSQL: ingest across kill -9 restarts, and 503 + Retry-After while it is cut off.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, startPgProxy, type TestDatabase } from '../store/pg-harness.js';
import { abandonAllTraffic, FAULTY, faultRecord, startFaultTraffic } from './fault-traffic.js';
import { makeBatch } from './resending-client.js';
import { countEach, exportedIds, incidentEventKinds, listIncidents } from './service-api.js';
import {
  TOKENS,
  eventually,
  killHard,
  serviceDir,
  startServe,
  type ServiceDir,
  type ServiceProcess,
} from './service-process.js';

let db: TestDatabase;
const dirs: ServiceDir[] = [];
const running = new Set<ServiceProcess>();
beforeAll(async () => {
  db = await createTestDatabase('faultline_serve');
}, 30_000);
afterAll(async () => {
  abandonAllTraffic();
  for (const p of running) await killHard(p);
  for (const d of dirs) d.cleanup();
  await db?.drop();
});

async function serve(dir: ServiceDir): Promise<ServiceProcess> {
  const p = await startServe(dir.configPath, dir.dir);
  running.add(p);
  void p.exited.then(() => running.delete(p));
  return p;
}

function ingest(base: string, key: string, n = 10): Promise<Response> {
  const batch = makeBatch(key, n, (i) => faultRecord(Date.now(), i));
  return fetch(`${base}/v1/records`, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${TOKENS.ingest}`,
      'content-type': 'application/x-ndjson',
      'idempotency-key': key,
    },
    body: batch.body,
  });
}

describe('faultline serve on PostgreSQL', () => {
  it('keeps every acknowledged record once and resumes the open incident across kill -9 restarts', async () => {
    const dir = serviceDir(await db.freshSchema());
    dirs.push(dir);
    let server = await serve(dir);
    let url: string | undefined = server.url;
    const traffic = startFaultTraffic({ url: () => url });
    let id: string | undefined;
    await eventually(
      'the fault to open an incident',
      async () => (id = (await listIncidents(server.url))[0]?.id) !== undefined,
      15_000,
    );
    for (let cycle = 0; cycle < 3; cycle++) {
      const before = traffic.answered();
      await eventually('batches to be answered', () => traffic.answered() > before + 4);
      url = undefined;
      await killHard(server);
      server = await serve(dir);
      url = server.url;
    }
    await traffic.stop();
    const counts = countEach(await exportedIds(server.url));
    expect([...counts.values()].filter((n) => n !== 1)).toEqual([]);
    expect(new Set(counts.keys())).toEqual(traffic.tally.acknowledged);
    const incidents = (await listIncidents(server.url)).filter(
      (i) => i.provider === FAULTY.provider,
    );
    expect(incidents.map((i) => [i.id, i.state])).toEqual([[id, 'open']]);
    expect(await incidentEventKinds(server.url, id!)).toEqual(['opened']);
  }, 40_000);

  it('answers 503 with Retry-After while PostgreSQL is cut off, then recovers', async () => {
    const proxy = await startPgProxy();
    try {
      const dir = serviceDir(await db.freshSchema(proxy.port));
      dirs.push(dir);
      const server = await serve(dir);
      expect((await ingest(server.url, 'before')).status).toBe(200);

      await proxy.cut();
      const refused = await ingest(server.url, 'during');
      expect(refused.status).toBe(503);
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
      const error = ((await refused.json()) as { error: { code: unknown } }).error;
      expect(typeof error.code).toBe('string');
      expect((await fetch(`${server.url}/readyz`)).status).toBe(503);
      expect((await fetch(`${server.url}/healthz`)).status).toBe(200);

      await proxy.restore();
      // The client resends the refused batch under its key until the store is back.
      let status = 0;
      await eventually(
        'ingest to recover',
        async () => (status = (await ingest(server.url, 'during')).status) === 200,
      );
      expect(status).toBe(200);
      const ids = await exportedIds(server.url);
      expect(ids.length).toBe(20);
      expect(countEach(ids).size).toBe(20);
      expect(server.stderr()).not.toMatch(/postgres:\/\/[^@\s]*:[^@\s]*@/); // no password logged
    } finally {
      await proxy.close();
    }
  }, 30_000);
});
