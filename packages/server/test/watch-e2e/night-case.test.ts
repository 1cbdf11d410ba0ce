// Issue 10, the night case: Anthropic overloads at 03:03 with app traffic of one call a minute;
// the server's probes raise the incident, the status page moves 10 minutes late and becomes
// evidence with its lag, and the probes let the incident resolve after recovery.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAppTraffic, type AppTraffic } from './app-traffic.js';
import { health, incident, incidents, until, type Incident } from './read-api.js';
import { lastNightMs } from './record-clock.js';
import { startRig, type Rig } from './watch-rig.js';

const MIN = 60_000;
/** 60 record seconds per wall second: the 21 minutes below take about 21 s. */
const SCALE = 60;
let rig: Rig;
let app: AppTraffic;

beforeAll(async () => {
  rig = await startRig({
    scale: SCALE,
    startMs: lastNightMs(),
    phases: [
      { name: 'calm', minutes: 3, faults: [] },
      {
        name: 'overload',
        minutes: 12,
        faults: [{ provider: 'anthropic', fault: { kind: 'overload' } }],
      },
      { name: 'recovered', minutes: 10, faults: [] },
    ],
    probes: [
      { provider: 'anthropic', model: 'claude-haiku-4-5', every: '20s' },
      { provider: 'anthropic', model: 'claude-opus-4-7', every: '20s' },
    ],
    statusPage: { lag: '10m', recoveryLag: '4m', every: '30s' },
  });
  app = startAppTraffic({
    clock: rig.clock,
    serviceUrl: rig.service.address.url,
    baseUrl: () => rig.fake.url,
    model: 'claude-opus-4-7',
    everyMs: MIN,
  });
});
afterAll(async () => {
  await app?.stop();
  await rig?.close();
});

const anthropicIncident = (list: readonly Incident[]): Incident | undefined =>
  list.find((i) => i.provider === 'anthropic' && i.layer === 'provider');
const pageStatus = async (): Promise<string | undefined> =>
  (await health(rig.service)).providers.find((p) => p.provider === 'anthropic')?.status_page
    ?.status;

describe('the night case: probes find what one call a minute cannot, the page comes late', () => {
  it('raises, adds the late page with its lag, and resolves on the probes', async (ctx) => {
    const faultMs = rig.phaseStartMs('overload');
    const recoveredMs = rig.phaseStartMs('recovered');
    expect(await incidents(rig.service)).toEqual([]);

    // 1. The probes raise it within 2 minutes of the fault, while the page still says operational.
    const raised = anthropicIncident(
      await until(
        'the incident',
        () => incidents(rig.service),
        (l) => !!anthropicIncident(l),
      ),
    )!;
    const delayMs = Date.parse(raised.detected_at) - faultMs;
    await ctx.annotate(
      `night case detection delay: ${(delayMs / 1000).toFixed(0)} s of record time`,
    );
    expect(delayMs).toBeGreaterThan(0);
    expect(delayMs).toBeLessThanOrEqual(2 * MIN);
    expect(Date.parse(raised.started_at)).toBeGreaterThanOrEqual(faultMs);
    expect(raised).toMatchObject({ state: 'open', owner: 'provider', reason: 'overloaded' });
    expect(raised.evidence.map((e) => e.kind)).toContain('probe');
    expect(raised.evidence.map((e) => e.kind)).not.toContain('status_lag');
    expect(await pageStatus()).toBe('operational');
    // The app made a call a minute since 03:00 (one or two since the fault): too few to tell a
    // fault from noise, so the probes' failures are what raised it.
    expect(app.made).toBeLessThanOrEqual(6);

    // 2. The page moves 10 minutes after the fault and becomes evidence, with its lag.
    const lagged = await until(
      'the status_lag evidence',
      () => incident(rig.service, raised.id),
      (i) => i.evidence.some((e) => e.kind === 'status_lag'),
    );
    const lag = lagged.evidence.find((e) => e.kind === 'status_lag')!.facts!;
    const listedMs = Date.parse(String(lag['listed_at']));
    await ctx.annotate(`status page first seen moved ${rig.clock.minutes(listedMs)} into the run`);
    expect(listedMs).toBeGreaterThanOrEqual(faultMs + 10 * MIN);
    expect(listedMs).toBeLessThan(faultMs + 11 * MIN);
    expect(lag).toMatchObject({ provider: 'anthropic', component: 'Claude API' });
    expect(Number(lag['lag_ms'])).toBeGreaterThanOrEqual(9 * MIN);
    expect(lagged.state).toBe('open');
    expect(lagged.evidence.find((e) => e.kind === 'status_lag')!.text).toMatch(
      /^Anthropic status page was (9|10|11) minutes behind our first failures: its first move on Claude API came at \d\d:\d\d UTC$/,
    );
    expect(await pageStatus()).toBe('major_outage');

    // 3. After recovery the probes get through and the incident resolves, the lag still said.
    const resolved = await until(
      'the resolution',
      () => incident(rig.service, raised.id),
      (i) => i.state === 'resolved',
    );
    const resolvedMs = Date.parse(resolved.resolved_at!);
    await ctx.annotate(
      `resolved ${((resolvedMs - recoveredMs) / 1000).toFixed(0)} s after recovery`,
    );
    expect(resolvedMs).toBeGreaterThan(recoveredMs);
    expect(resolvedMs).toBeLessThan(recoveredMs + 6 * MIN);
    // The final public update says how late the page was.
    const said =
      /Anthropic's status page listed a problem from \d\d:\d\d UTC, (9|10|11) minutes after our first failed requests\./;
    expect(resolved.update).toMatch(said);
    const drafted = resolved.updates.filter((u) => u.stage === 'resolved' && u.voice === 'public');
    expect(drafted.map((u) => u.text)).toEqual([resolved.update]);
    expect(resolved.events.map((e) => e.kind)).toEqual(
      expect.arrayContaining(['opened', 'resolved']),
    );
    expect((await incidents(rig.service)).filter((i) => i.provider === 'anthropic')).toHaveLength(
      1,
    );
  }, 60_000);
});
