// Issue 10: our app's egress breaks (its calls to Anthropic cannot connect) while the server's
// own probes of Anthropic get through, so the live verdict is on our side, not the provider's.
import { createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAppTraffic, type AppTraffic } from './app-traffic.js';
import { incident, incidents, until, type Incident } from './read-api.js';
import { lastNightMs } from './record-clock.js';
import { startRig, type Rig } from './watch-rig.js';

const MIN = 60_000;
const SCALE = 60;
let rig: Rig;
let app: AppTraffic;
/** A loopback port nothing listens on: connecting to it is refused (ECONNREFUSED). */
let refusingUrl: string;
let brokenFromMs: number;
let fixedFromMs: number;

async function refusingPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

beforeAll(async () => {
  refusingUrl = `http://127.0.0.1:${await refusingPort()}`;
  rig = await startRig({
    scale: SCALE,
    startMs: lastNightMs(),
    phases: [{ name: 'healthy', minutes: 30, faults: [] }],
    probes: [
      { provider: 'anthropic', model: 'claude-haiku-4-5', every: '15s' },
      { provider: 'anthropic', model: 'claude-opus-4-7', every: '15s' },
    ],
  });
  brokenFromMs = rig.clock.startMs + 3 * MIN;
  fixedFromMs = rig.clock.startMs + 6 * MIN;
  app = startAppTraffic({
    clock: rig.clock,
    serviceUrl: rig.service.address.url,
    baseUrl: () => {
      const now = rig.clock.now();
      return now >= brokenFromMs && now < fixedFromMs ? refusingUrl : rig.fake.url;
    },
    model: 'claude-opus-4-7',
    everyMs: 5_000,
  });
});
afterAll(async () => {
  await app?.stop();
  await rig?.close();
});

const networkIncident = (list: readonly Incident[]): Incident | undefined =>
  list.find((i) => i.layer === 'network');

describe('egress broken while the probes get through', () => {
  it('puts the verdict on our side while it lasts, and resolves once egress is back', async (ctx) => {
    // The first verdict the service shows must already be ours: the engine waits for the
    // provider's probes before it names an owner, and never shows the provider first.
    const open = networkIncident(
      await until(
        'the network incident',
        () => incidents(rig.service),
        (l) => networkIncident(l) !== undefined,
      ),
    )!;
    expect(open.owner).toBe('ours');
    const oursAtMs = rig.clock.now();
    await ctx.annotate(
      `detected ${(Date.parse(open.detected_at) - brokenFromMs) / 1000} s after the break; ` +
        `owner ours by ${((oursAtMs - brokenFromMs) / 1000).toFixed(0)} s`,
    );
    expect(Date.parse(open.detected_at)).toBeGreaterThan(brokenFromMs);
    expect(Date.parse(open.detected_at)).toBeLessThan(brokenFromMs + MIN);
    // Live: the verdict is read while the app still cannot connect, within 2 minutes of the break.
    expect(oursAtMs).toBeLessThan(brokenFromMs + 2 * MIN);
    expect(open).toMatchObject({
      state: 'open',
      layer: 'network',
      owner: 'ours',
      reason: 'connect_refused',
      provider: 'anthropic',
    });
    // The probes to the same provider got through meanwhile: that is what makes it ours.
    const probe = open.evidence.find((e) => e.kind === 'probe');
    expect(probe?.facts).toMatchObject({ failed: 0 });
    expect(Number(probe?.facts?.['probes'])).toBeGreaterThanOrEqual(2);
    expect(open.update).toMatch(
      /^We have traced this to our own network: the fault is on our side, not at Anthropic\./,
    );
    expect(open.update).toMatch(
      /connections to Anthropic's API have been refused since \d\d:\d\d UTC/,
    );
    const stored = await incident(rig.service, open.id);
    expect(stored.owner).toBe('ours');

    const resolved = await until(
      'the resolution',
      () => incident(rig.service, open.id),
      (i) => i.state === 'resolved',
    );
    expect(Date.parse(resolved.resolved_at!)).toBeGreaterThan(fixedFromMs);
    expect(resolved.owner).toBe('ours');
    expect((await incidents(rig.service)).filter((i) => i.owner === 'provider')).toEqual([]);
  }, 60_000);
});
