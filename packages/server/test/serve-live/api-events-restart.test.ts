// GET /v1/events of a spawned `faultline serve`: a client resumes with Last-Event-ID across a restart.
import { afterAll, describe, expect, it } from 'vitest';
import { burstRecords } from './burst.js';
import { streamInRealTime } from './scenario-stream.js';
import { serveDir, startServe, TOKENS, type Served } from './spawn-serve.js';
import { openEvents, type SseFrame, type SseStream } from './sse-client.js';

const dir = serveDir('faultline-events-');
const running: Served[] = [];
afterAll(async () => {
  await Promise.all(running.map((s) => s.stop()));
  dir.cleanup();
});

async function start(): Promise<Served> {
  const s = await startServe(dir.writeConfig(), dir.dir);
  running.push(s);
  return s;
}

/** Sends a failure burst of one model (at most 15 s), starting on the next whole second, until `opened`. */
async function burst(s: Served, provider: string, model: string, opened: () => boolean) {
  const startMs = Math.ceil(Date.now() / 1000) * 1000 + 500;
  const records = burstRecords({ startMs, seconds: 15, provider, model });
  await streamInRealTime({ url: s.url, token: TOKENS.ingest, records, stopWhen: opened });
}

const openedBy = (stream: SseStream, provider: string) => (): boolean =>
  stream.frames.some((f) => f.event === 'incident.opened' && incidentOf(f).provider === provider);

const incidentOf = (f: SseFrame): { id: string; provider: string } =>
  JSON.parse(f.data) as { id: string; provider: string };

async function openIncidents(s: Served): Promise<{ id: string; provider: string }[]> {
  const res = await fetch(`${s.url}/v1/incidents?state=open`, {
    headers: { authorization: `Bearer ${TOKENS.read}` },
  });
  return ((await res.json()) as { incidents: { id: string; provider: string }[] }).incidents;
}

describe('GET /v1/events across a restart', () => {
  it('gives a client that comes back with Last-Event-ID what it missed, once, in order', async () => {
    const first = await start();
    const before = await openEvents(first.url, TOKENS.read);
    expect(before.contentType).toMatch(/^text\/event-stream/);
    await burst(first, 'openai', 'gpt-5.1', openedBy(before, 'openai'));
    const openedOpenai = await before.waitFor(
      (f) => f.event === 'incident.opened' && incidentOf(f).provider === 'openai',
      15_000,
    );
    await new Promise((r) => setTimeout(r, 500));
    const lastSeen = before.frames.at(-1)!;
    before.close();
    expect(await first.stop('SIGTERM')).toBe(0);

    // While the client is away: a restart, then a second incident.
    const second = await start();
    expect((await openIncidents(second)).map((i) => i.provider)).toEqual(['openai']);
    const watcher = await openEvents(second.url, TOKENS.read);
    await burst(second, 'google', 'gemini-2.5-pro', openedBy(watcher, 'google'));
    watcher.close();

    const fresh = await openEvents(second.url, TOKENS.read);
    const resumed = await openEvents(second.url, TOKENS.read, lastSeen.id);
    const openedGoogle = await resumed.waitFor(
      (f) => f.event === 'incident.opened' && incidentOf(f).provider === 'google',
      5_000,
    );
    const ids = resumed.frames.map((f) => Number(f.id));
    expect(ids[0]).toBeGreaterThan(Number(lastSeen.id));
    expect(ids).toEqual([...new Set(ids)].sort((a, b) => a - b));
    // Nothing from before the restart comes again: the openai incident opened once.
    expect(resumed.frames.map((f) => f.event + incidentOf(f).id)).not.toContain(
      `incident.opened${incidentOf(openedOpenai).id}`,
    );
    expect(Number(openedGoogle.id)).toBeGreaterThan(Number(openedOpenai.id));
    // A client without Last-Event-ID gets what happens from now on, not the backlog.
    expect(fresh.frames.filter((f) => Number(f.id) <= Number(openedGoogle.id))).toEqual([]);
    fresh.close();
    resumed.close();
    expect((await openIncidents(second)).map((i) => i.provider).sort()).toEqual([
      'google',
      'openai',
    ]);
  }, 60_000);
});
