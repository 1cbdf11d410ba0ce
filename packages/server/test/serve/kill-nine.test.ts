// kill -9 during sustained ingest, ten times: every acknowledged record stored once, the incident resumed.
import { afterAll, describe, expect, it } from 'vitest';
import { abandonAllTraffic, FAULTY, startFaultTraffic } from './fault-traffic.js';
import {
  countEach,
  exportedIds,
  incidentEventKinds,
  listIncidents,
  type IncidentSummary,
} from './service-api.js';
import {
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

/** The incidents about the faulty provider. */
async function faultIncidents(base: string): Promise<IncidentSummary[]> {
  return (await listIncidents(base)).filter((i) => i.provider === FAULTY.provider);
}

describe('kill -9 during sustained ingest', () => {
  it('stores every acknowledged record exactly once and resumes the open incident, ten times', async () => {
    server = await startServe(dir.configPath, dir.dir);
    let url: string | undefined = server.url;
    const traffic = startFaultTraffic({ url: () => url });
    let open: IncidentSummary[] = [];
    // One 10 s bucket plus the 2 s grace at most: the fault is an open incident before the kills.
    await eventually(
      'the fault to open an incident',
      async () => (open = await faultIncidents(server!.url)).length > 0,
      15_000,
    );
    expect(open.map((i) => i.state)).toEqual(['open']);

    for (let cycle = 0; cycle < 10; cycle++) {
      const before = traffic.answered();
      // Kill at a different moment of the ingest each time, with batches in flight.
      await eventually('batches to be answered', () => traffic.answered() > before + 2);
      await new Promise((resolve) => setTimeout(resolve, 13 * cycle));
      url = undefined;
      await killHard(server);
      server = await startServe(dir.configPath, dir.dir);
      url = server.url;
    }
    await eventually('ingest after the last restart', () => traffic.answered() > 0, 5_000);
    await traffic.stop();

    const acknowledged = traffic.tally.acknowledged;
    expect(traffic.tally.resends).toBeGreaterThan(0);
    const stored = await exportedIds(server.url);
    const counts = countEach(stored);
    const twice = [...counts].filter(([, n]) => n > 1).map(([id]) => id);
    expect(twice, 'records stored more than once').toEqual([]);
    const lost = [...acknowledged].filter((id) => !counts.has(id));
    expect(lost, 'acknowledged records lost').toEqual([]);
    // Every batch was resent until answered, so nothing unacknowledged is stored either.
    expect(stored.length).toBe(acknowledged.size);

    const after = await faultIncidents(server.url);
    expect(after.map((i) => [i.id, i.state])).toEqual([[open[0]!.id, 'open']]);
    const kinds = await incidentEventKinds(server.url, open[0]!.id);
    expect(kinds.filter((k) => k === 'opened')).toEqual(['opened']);
    expect(kinds).not.toContain('reopened');
  }, 45_000);
});
