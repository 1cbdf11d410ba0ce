// Routing by `when`, material updates only, exactly once per (incident, stage, channel), pacing, never blocking.
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { afterEach, describe, expect, it } from 'vitest';
import { openSqliteStore } from '../../src/store/sqlite/index.js';
import type { NotifyEvent } from '../../src/notify/index.js';
import { incident, ourIncident, resolved } from './incident-fixture.js';
import { rig, type Rig } from './notify-rig.js';
import { Receiver } from './receiver.js';

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0).reverse()) await close();
});
async function receiver(): Promise<Receiver> {
  const r = await Receiver.start(() => ({ status: 204 }));
  closers.push(() => r.close());
  return r;
}
function started(r: Rig): Rig {
  closers.push(() => r.notifier.close());
  return r;
}
/** Who got what: `path type incident-id` per request, in order. */
function seen(r: Receiver): string[] {
  return r.requests.map((q) => {
    const body = JSON.parse(q.body) as { type: string; data: { id: string } };
    return `${q.path} ${body.type} ${body.data.id}`;
  });
}

describe('routing by when', () => {
  it('sends each incident to the channels whose every when key matches; no when gets all', async () => {
    const hook = await receiver();
    const r = started(
      rig([
        { name: 'all', kind: 'webhook', url: `${hook.url}/all` },
        { name: 'ours', kind: 'webhook', url: `${hook.url}/ours`, when: { owner: 'ours' } },
        {
          name: 'anthropic-provider',
          kind: 'webhook',
          url: `${hook.url}/ap`,
          when: { layer: ['provider'], provider: 'anthropic' },
        },
        {
          name: 'model-scope',
          kind: 'webhook',
          url: `${hook.url}/model`,
          when: { scope: 'model' },
        },
        {
          name: 'openai',
          kind: 'webhook',
          url: `${hook.url}/openai`,
          when: { provider: ['openai'] },
        },
      ]),
    );
    const provider = incident();
    const global = ourIncident();
    r.notifier.handle({ kind: 'opened', incident: provider });
    r.notifier.handle({ kind: 'opened', incident: global });
    await r.notifier.flush();
    expect(seen(hook).sort()).toEqual(
      [
        `/all incident.opened ${provider.id}`,
        `/ap incident.opened ${provider.id}`,
        `/all incident.opened ${global.id}`,
        `/ours incident.opened ${global.id}`,
        `/openai incident.opened ${global.id}`,
      ].sort(),
    );
  });
});

describe('material updates', () => {
  it('sends an update only when layer, owner, scope, provider, models or stage change', async () => {
    const hook = await receiver();
    const r = started(rig([{ name: 'hooks', kind: 'webhook', url: hook.url }]));
    const i = incident();
    const events: NotifyEvent[] = [
      { kind: 'opened', incident: i },
      { kind: 'updated', incident: { ...i, affected_calls: 2500, peak_error_rate: 0.45 } }, // evidence tweak
      { kind: 'updated', incident: { ...i, models: ['claude-opus-4-8', 'claude-opus-4-7'] } }, // same set
      { kind: 'updated', incident: { ...i, scope: 'model', models: ['claude-opus-4-7'] } }, // material
      {
        kind: 'updated',
        incident: { ...i, scope: 'model', models: ['claude-opus-4-7'], confidence: 0.99 },
      },
      { kind: 'updated', incident: i, stage: 'monitoring' }, // stage change
      { kind: 'resolved', incident: resolved(i) },
      { kind: 'resolved', incident: resolved(i) },
    ];
    for (const e of events) r.notifier.handle(e);
    await r.notifier.flush();
    expect(seen(hook).map((s) => s.split(' ')[1])).toEqual([
      'incident.opened',
      'incident.updated',
      'incident.updated',
      'incident.resolved',
    ]);
  });
});

describe('exactly once', () => {
  it('delivers each (incident, stage, channel) once when handle() runs twice and two notifiers share a SQLite store', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'faultline-notify-'));
    const store = await openSqliteStore(join(dir, 'notify.db'));
    closers.push(async () => {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    });
    const hook = await receiver();
    const pd = await Receiver.start(() => ({ status: 202, body: '{"status":"success"}' }));
    closers.push(() => pd.close());
    const cfg = [
      { name: 'hooks', kind: 'webhook', url: hook.url },
      { name: 'pager', kind: 'pagerduty', routing_key: 'k', url: pd.url },
    ];
    const a = started(rig(cfg, { store }));
    const b = started(rig(cfg, { store }));
    const i = incident();
    const events: NotifyEvent[] = [
      { kind: 'opened', incident: i },
      { kind: 'updated', incident: { ...i, models: ['claude-opus-4-7'] } },
      { kind: 'resolved', incident: resolved(i) },
    ];
    for (const e of events) for (const n of [a, b, a, b]) n.notifier.handle(e);
    await Promise.all([a.notifier.flush(), b.notifier.flush()]);
    expect(seen(hook).map((s) => s.split(' ')[1])).toEqual([
      'incident.opened',
      'incident.updated',
      'incident.resolved',
    ]);
    expect(pd.json().map((e) => (e as { event_action: string }).event_action)).toEqual([
      'trigger',
      'resolve',
    ]);
  });
});

describe('pacing and the caller', () => {
  it('keeps Slack to one message per second per channel', async () => {
    const slack = await Receiver.start();
    closers.push(() => slack.close());
    const r = started(rig([{ name: 'team', kind: 'slack', url: slack.url }]));
    const i = incident();
    r.notifier.handle({ kind: 'opened', incident: i });
    r.notifier.handle({ kind: 'resolved', incident: resolved(i) });
    await r.notifier.flush();
    const [first, second] = slack.requests;
    expect(slack.requests).toHaveLength(2);
    expect((second?.atMs ?? 0) - (first?.atMs ?? 0)).toBeGreaterThanOrEqual(990);
  });

  it('returns from handle() at once while a channel hangs, and close() cuts the hanging attempt', async () => {
    const hanging: ServerResponse[] = [];
    const server = createServer((_req, res) => hanging.push(res));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    closers.push(
      () =>
        new Promise((resolve) => {
          server.closeAllConnections();
          server.close(() => resolve());
        }),
    );
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
    const r = rig([{ name: 'slow', kind: 'webhook', url }]);
    const t0 = performance.now();
    for (let k = 0; k < 100; k++)
      r.notifier.handle({ kind: 'opened', incident: incident({ id: `inc-${k}` }) });
    expect(performance.now() - t0).toBeLessThan(200);
    await expect.poll(() => hanging.length).toBe(1);
    const t1 = performance.now();
    await r.notifier.close();
    expect(performance.now() - t1).toBeLessThan(2000);
    expect(hanging).toHaveLength(1); // the 99 queued were dropped unclaimed, not sent
  });
});
