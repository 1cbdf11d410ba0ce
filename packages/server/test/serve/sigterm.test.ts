// SIGTERM during ingest: exit 0 within 10 s, nothing acknowledged lost, and the restart resumes.
import { afterAll, describe, expect, it } from 'vitest';
import { abandonAllTraffic, FAULTY, faultRecord, startFaultTraffic } from './fault-traffic.js';
import { countEach, exportedIds, incidentEventKinds, listIncidents } from './service-api.js';
import { trickle } from './trickle.js';
import {
  TOKENS,
  eventually,
  killHard,
  serviceDir,
  startServe,
  type ServiceProcess,
} from './service-process.js';

const dir = serviceDir();
let server: ServiceProcess | undefined;
afterAll(async () => {
  abandonAllTraffic();
  if (server !== undefined) await killHard(server);
  dir.cleanup();
});

describe('SIGTERM during ingest', () => {
  it('exits 0 within 10 s keeping every acknowledged record, and the restart resumes the incident', async () => {
    server = await startServe(dir.configPath, dir.dir);
    let url: string | undefined = server.url;
    const traffic = startFaultTraffic({ url: () => url, clients: 6 });
    const base = server.url;
    let incidentId: string | undefined;
    await eventually(
      'the fault to open an incident',
      async () => {
        const open = (await listIncidents(base)).filter((i) => i.provider === FAULTY.provider);
        incidentId = open[0]?.id;
        return incidentId !== undefined;
      },
      15_000,
    );

    const t0 = Date.now();
    server.child.kill('SIGTERM');
    const code = await server.exited;
    const tookMs = Date.now() - t0;
    expect(code).toBe(0);
    expect(tookMs).toBeLessThan(10_000);
    expect(server.stderr()).toContain('SIGTERM: shutting down');
    const answeredAtStop = new Set(traffic.tally.acknowledged);

    url = undefined;
    server = await startServe(dir.configPath, dir.dir);
    // What was acknowledged before the stop is there before any client resends anything.
    const kept = countEach(await exportedIds(server.url));
    expect([...answeredAtStop].filter((id) => kept.get(id) !== 1)).toEqual([]);

    url = server.url;
    await traffic.stop();
    const stored = await exportedIds(server.url);
    expect(stored.length).toBe(traffic.tally.acknowledged.size);
    expect(new Set(stored)).toEqual(traffic.tally.acknowledged);

    const after = (await listIncidents(server.url)).filter((i) => i.provider === FAULTY.provider);
    expect(after.map((i) => [i.id, i.state])).toEqual([[incidentId, 'open']]);
    expect(await incidentEventKinds(server.url, incidentId!)).toEqual(['opened']);
  }, 40_000);

  it('still exits 0 within 10 s, having saved its state, while slow clients hold requests open', async () => {
    server = await startServe(dir.configPath, dir.dir);
    let url: string | undefined = server.url;
    const port = Number(new URL(server.url).port);
    const traffic = startFaultTraffic({ url: () => url, clients: 2 });
    const body = trickle(
      port,
      `POST /v1/records HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${TOKENS.ingest}\r\n` +
        'Content-Type: application/x-ndjson\r\nContent-Length: 100000\r\n\r\n',
      JSON.stringify(faultRecord(Date.now(), 0)) + '\n',
      200,
    );
    const headers = trickle(port, 'GET /v1/health HTTP/1.1\r\nHost: x\r\n', 'X-Slow: 1\r\n', 200);
    try {
      await eventually('batches to be answered', () => traffic.answered() > 4);
      const t0 = Date.now();
      server.child.kill('SIGTERM');
      expect(await server.exited).toBe(0);
      expect(Date.now() - t0).toBeLessThan(10_000);
      expect(server.stderr()).toMatch(/stopped\n$/);
      expect(server.stderr()).not.toContain('took too long');
    } finally {
      body.stop();
      headers.stop();
    }
    url = undefined;
    server = await startServe(dir.configPath, dir.dir);
    url = server.url;
    await traffic.stop();
    const stored = countEach(await exportedIds(server.url));
    expect([...traffic.tally.acknowledged].filter((id) => stored.get(id) !== 1)).toEqual([]);
  }, 30_000);
});
