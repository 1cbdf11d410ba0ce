// Issue 11 end to end: the fake provider overloads Anthropic; the service opens its breaker, pages
// once and resolves once, posts to Slack, sends signed webhooks, and an SDK router following it
// keeps the app's callers whole and goes back to the primary after the recovery.
import { startFakeProvider, type FakeProvider } from '@faultline/fake-provider';
import { Webhook } from 'standardwebhooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateConfig } from '../../src/config/index.js';
import { startService, type RunningService } from '../../src/serve/start-service.js';
import { Receiver } from '../notify/receiver.js';
import { openEvents, type SseStream } from '../serve-live/sse-client.js';
import { startRecordClock, type RecordClock } from '../watch-e2e/record-clock.js';
import { routerApp, traffic, type Outcome } from './router-app.js';

const SCALE = 16;
const MIN = 60_000;
const [CALM, OVERLOAD, RECOVERED] = [2 * MIN, 2 * MIN, 4 * MIN];
const SECRET = `whsec_${Buffer.from('the e2e webhook secret..').toString('base64')}`;
const TOKENS = { admin: 'admin-token-e2e-11', ingest: 'ingest-token-e2e-11', read: 'read-e2e-11' };

let fake: FakeProvider;
let clock: RecordClock;
let service: RunningService;
let events: SseStream;
const hooks: Record<'slack' | 'pager' | 'hook', Receiver> = {} as never;

beforeAll(async () => {
  hooks.slack = await Receiver.start(() => ({ status: 200, body: 'ok' }));
  hooks.pager = await Receiver.start(() => ({ status: 202, body: '{"status":"success"}' }));
  hooks.hook = await Receiver.start(() => ({ status: 204 }));
  fake = await startFakeProvider({ seed: 11 });
  // Record time runs 16× the wall; it starts in the past so the webhook timestamps stay within
  // Standard Webhooks' five-minute tolerance of the verifier's wall clock.
  clock = startRecordClock(SCALE, Date.now() - 4 * MIN);
  fake.loadScenario({
    timeScale: SCALE,
    loop: false,
    phases: [
      { name: 'calm', durationS: CALM / 1000, faults: [] },
      {
        name: 'overload',
        durationS: OVERLOAD / 1000,
        faults: [{ provider: 'anthropic', fault: { kind: 'overload' } }],
      },
      { name: 'recovered', durationS: RECOVERED / 1000, faults: [] },
    ],
  });
  const config = validateConfig(
    {
      store: ':memory:',
      tokens: [
        { name: 'oncall', role: 'admin', token: TOKENS.admin },
        { name: 'app', role: 'ingest', token: TOKENS.ingest },
        { name: 'routers', role: 'read', token: TOKENS.read },
      ],
      probes: [
        {
          provider: 'anthropic',
          model: 'claude-opus-4-7',
          every: '15s',
          base_url: fake.url,
          api_key: 'sk-probe',
        },
      ],
      notify: [
        { name: 'slack', kind: 'slack', url: `${hooks.slack.url}/services/T/B/x` },
        { name: 'pager', kind: 'pagerduty', routing_key: 'rk-e2e', url: hooks.pager.url },
        { name: 'hook', kind: 'webhook', url: `${hooks.hook.url}/hook`, secret: SECRET },
      ],
    },
    { env: {} },
  );
  service = await startService({
    config,
    log: () => undefined,
    port: 0,
    now: clock.now,
    watchClock: clock,
    // Record-time constants shortened for a run of minutes (defaults: 120 s, 60 s, 30 s).
    breaker: { maxOpenMs: 60_000, flapWindowMs: 30_000, settleMs: 10_000 },
  });
  await service.caughtUp;
  events = await openEvents(service.address.url, TOKENS.admin);
});
afterAll(async () => {
  events?.close();
  await service?.close();
  await fake?.close();
  await Promise.all(Object.values(hooks).map((h) => h.close()));
});

const errorShare = (xs: readonly Outcome[]) =>
  xs.filter((x) => !x.ok).length / Math.max(1, xs.length);

describe('a provider overload, acted on', () => {
  it('opens and re-closes the breaker, notifies once per event, and keeps the callers whole', async () => {
    const faultMs = clock.startMs + CALM;
    const recoveredMs = faultMs + OVERLOAD;
    const endMs = recoveredMs + RECOVERED;
    const app = routerApp({
      fakeUrl: fake.url,
      serviceUrl: service.address.url,
      ingestToken: TOKENS.ingest,
      readToken: TOKENS.read,
      clock,
    });
    const [routed, direct] = await Promise.all([
      traffic(clock, 4, 400, endMs, app.callRouted),
      traffic(clock, 1, 1_000, endMs, app.callDirect),
    ]);
    await app.close();
    // The incident's quiet period ends within the run; give the resolve a moment to go out.
    const until = Date.now() + 10_000;
    while (!hooks.pager.json().some((b) => isAction(b, 'resolve')) && Date.now() < until)
      await new Promise((r) => setTimeout(r, 100));

    const changes = events.frames
      .filter((f) => f.event === 'breaker.changed')
      .map((f) => JSON.parse(f.data) as { target: string; from: string; to: string; at: string })
      .filter((c) => c.target === 'anthropic/claude-opus-4-7')
      .map((c) => ({ ...c, atMs: Date.parse(c.at) }));
    const opened = changes.find((c) => c.to === 'open' && c.atMs >= faultMs);
    const reclosed = changes.find((c) => c.to === 'closed' && c.atMs >= recoveredMs);
    const during = (xs: Outcome[]) => xs.filter((x) => x.atMs >= faultMs && x.atMs < recoveredMs);
    const back = routed.find((x) => x.atMs >= recoveredMs && x.by === 'primary');
    const tail = routed.filter((x) => x.atMs >= endMs - MIN);
    const figures = {
      calls_during_outage_routed: during(routed).length,
      error_share_with_router: errorShare(during(routed)),
      error_share_without_router: errorShare(during(direct)),
      time_to_open_s: opened === undefined ? null : (opened.atMs - faultMs) / 1000,
      time_to_reclose_s: reclosed === undefined ? null : (reclosed.atMs - recoveredMs) / 1000,
      flaps_per_recovery: changes.filter(
        (c) => reclosed !== undefined && c.atMs > reclosed.atMs && c.to === 'open',
      ).length,
      back_to_primary_s: back === undefined ? null : (back.atMs - recoveredMs) / 1000,
      primary_share_last_minute: tail.filter((x) => x.by === 'primary').length / tail.length,
      service_changes: changes.map((c) => `${c.from}→${c.to}@${(c.atMs - faultMs) / 1000}s`),
    };
    process.stdout.write(`issue-11 e2e figures ${JSON.stringify(figures)}\n`);

    expect(figures.calls_during_outage_routed).toBeGreaterThan(200);
    expect(figures.error_share_with_router).toBeLessThanOrEqual(0.01);
    expect(figures.error_share_without_router).toBeGreaterThan(0.9);
    expect(figures.time_to_open_s).not.toBeNull();
    expect(figures.time_to_open_s!).toBeLessThanOrEqual(30);
    expect(figures.time_to_reclose_s).not.toBeNull();
    expect(figures.time_to_reclose_s!).toBeLessThanOrEqual(60);
    expect(figures.flaps_per_recovery).toBeLessThanOrEqual(1);
    expect(figures.back_to_primary_s!).toBeLessThanOrEqual(60);
    expect(figures.primary_share_last_minute).toBeGreaterThan(0.95);

    // PagerDuty: one trigger and one resolve, with the same dedup_key.
    const pd = hooks.pager.json() as { event_action: string; dedup_key: string }[];
    const triggers = pd.filter((b) => b.event_action === 'trigger');
    const resolves = pd.filter((b) => b.event_action === 'resolve');
    expect(triggers).toHaveLength(1);
    expect(resolves).toHaveLength(1);
    expect(resolves[0]!.dedup_key).toBe(triggers[0]!.dedup_key);
    const incidentId = triggers[0]!.dedup_key;

    // Webhooks: each verified independently, one per incident event.
    const verifier = new Webhook(SECRET);
    const hookEvents = hooks.hook.requests.map((r) => {
      const h = (k: string) => String(r.headers[k]);
      const headers = Object.fromEntries(
        ['webhook-id', 'webhook-timestamp', 'webhook-signature'].map((k) => [k, h(k)]),
      );
      return verifier.verify(r.body, headers) as { type: string; data: { id: string } };
    });
    const types = hookEvents.filter((e) => e.data.id === incidentId).map((e) => e.type);
    expect(types[0]).toBe('incident.opened');
    expect(types.at(-1)).toBe('incident.resolved');
    const ids = hooks.hook.requests.map((r) => String(r.headers['webhook-id']));
    expect(new Set(ids).size).toBe(ids.length);

    // Slack: exactly one message when the incident opened, and one per later event (its resolve).
    const slack = (hooks.slack.json() as { text: string }[]).filter((m) =>
      m.text.includes(incidentId),
    );
    expect(slack.filter((m) => m.text.startsWith('Opened:'))).toHaveLength(1);
    expect(slack.filter((m) => m.text.startsWith('Resolved:'))).toHaveLength(1);
    expect(slack).toHaveLength(types.length);

    const metrics = await (
      await fetch(`${service.address.url}/metrics`, {
        headers: { authorization: `Bearer ${TOKENS.admin}` },
      })
    ).text();
    expect(metrics).toMatch(
      /faultline_notifications_total\{channel="pager",outcome="delivered"\} 2/,
    );
    expect(metrics).toContain(
      'faultline_breaker_state{provider="anthropic",model="claude-opus-4-7",state="closed"} 1',
    );
  }, 70_000);
});

function isAction(b: unknown, action: string): boolean {
  return (
    typeof b === 'object' && b !== null && (b as { event_action?: unknown }).event_action === action
  );
}
