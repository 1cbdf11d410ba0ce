// Retries: 429 with Retry-After, 5xx with backoff, 4xx not retried; the delivery log; no secrets logged.
import { afterEach, describe, expect, it } from 'vitest';
import { toDocumentIncident } from '@faultline/core';
import type { DeliveryRow, Store } from '../../src/store/port.js';
import { incident } from './incident-fixture.js';
import { rig, type Rig } from './notify-rig.js';
import { Receiver } from './receiver.js';

const closers: (Rig | Receiver)[] = [];
afterEach(async () => {
  await Promise.all(
    closers.splice(0).map((c) => ('notifier' in c ? c.notifier.close() : c.close())),
  );
});

/** Saves the fixture incident so `store.incident(id)` lists its deliveries (GET /v1/incidents/{id}). */
async function saveIncident(store: Store, id: string): Promise<void> {
  const json = JSON.stringify(
    toDocumentIncident({ ...incident({ id }), status: 'open', resolved_at: null }),
  );
  await store.saveIncidentChange({
    incident: {
      id,
      state: 'open',
      provider: 'anthropic',
      startedAtMs: 0,
      endedAtMs: null,
      updatedAtMs: 0,
      json,
    },
    event: { kind: 'opened', atMs: 0, summary: 'opened' },
    updates: [],
  });
}

async function deliveries(store: Store, id: string): Promise<readonly DeliveryRow[]> {
  return (await store.incident(id))?.notifications ?? [];
}

describe('retries', () => {
  it('waits as long as a 429 Retry-After says, then delivers; the log says delivered after 2 attempts', async () => {
    const slack = await Receiver.start();
    slack.script({ status: 429, headers: { 'retry-after': '1' }, body: 'rate_limited' });
    const r = rig([{ name: 'team', kind: 'slack', url: `${slack.url}/services/SECRET-PATH` }]);
    closers.push(slack, r);
    await saveIncident(r.store, 'inc-1');
    r.notifier.handle({ kind: 'opened', incident: incident({ id: 'inc-1' }) });
    await r.notifier.flush();
    const [first, second] = slack.requests;
    expect(slack.requests).toHaveLength(2);
    expect((second?.atMs ?? 0) - (first?.atMs ?? 0)).toBeGreaterThanOrEqual(950);
    expect(await deliveries(r.store, 'inc-1')).toMatchObject([
      {
        channel: 'team',
        kind: 'slack',
        event: 'incident.opened',
        outcome: 'delivered',
        attempts: 2,
      },
    ]);
    expect(r.lines.join('\n')).toContain('HTTP 429');
    expect(r.lines.join('\n')).not.toContain('SECRET-PATH');
  });

  it('retries 5xx with exponential backoff until a 2xx', async () => {
    const hook = await Receiver.start(() => ({ status: 200 }));
    hook.script({ status: 500 }, { status: 502 }, { status: 503 });
    const r = rig([{ name: 'hooks', kind: 'webhook', url: hook.url }], {
      retry: { baseDelayMs: 60, maxDelayMs: 5000 },
    });
    closers.push(hook, r);
    await saveIncident(r.store, 'inc-2');
    r.notifier.handle({ kind: 'opened', incident: incident({ id: 'inc-2' }) });
    await r.notifier.flush();
    expect(hook.requests).toHaveLength(4);
    const gaps = hook.requests.slice(1).map((q, k) => q.atMs - (hook.requests[k]?.atMs ?? 0));
    // Equal jitter: wait k lies in [base·2^(k-1)/2, base·2^(k-1)]: at least 30, 60, 120 ms (2 ms timer slack).
    gaps.forEach((g, k) => expect(g).toBeGreaterThanOrEqual(30 * 2 ** k - 2));
    expect(await deliveries(r.store, 'inc-2')).toMatchObject([
      { outcome: 'delivered', attempts: 4 },
    ]);
  });

  it('answers a PagerDuty 400 (invalid event) with no retry, logged failed without the routing key', async () => {
    const pd = await Receiver.start(() => ({ status: 400, body: '{"status":"invalid event"}' }));
    const r = rig([
      { name: 'pager', kind: 'pagerduty', routing_key: 'ROUTING-KEY-XYZ', url: pd.url },
    ]);
    closers.push(pd, r);
    await saveIncident(r.store, 'inc-3');
    r.notifier.handle({ kind: 'opened', incident: incident({ id: 'inc-3' }) });
    await r.notifier.flush();
    expect(pd.requests).toHaveLength(1);
    expect(await deliveries(r.store, 'inc-3')).toMatchObject([{ outcome: 'failed', attempts: 1 }]);
    expect(r.lines.join('\n')).toMatch(/failed after 1 attempt\(s\): HTTP 400/);
    expect(r.lines.join('\n')).not.toContain('ROUTING-KEY-XYZ');
  });

  it('gives up after the last attempt and logs the delivery failed; a retry in progress shows as retrying', async () => {
    const hook = await Receiver.start(() => ({ status: 503, headers: { 'retry-after-ms': '30' } }));
    const r = rig([{ name: 'hooks', kind: 'webhook', url: hook.url, secret: 'hush-hush' }], {
      retry: { attempts: 3, baseDelayMs: 10_000 },
    });
    closers.push(hook, r);
    await saveIncident(r.store, 'inc-4');
    r.notifier.handle({ kind: 'opened', incident: incident({ id: 'inc-4' }) });
    await r.notifier.flush();
    // retry-after-ms (30 ms) overrides the 10 s base delay, or this test would take 30 s.
    expect(hook.requests).toHaveLength(3);
    expect(new Set(hook.requests.map((q) => q.headers['webhook-id'])).size).toBe(1);
    expect(await deliveries(r.store, 'inc-4')).toMatchObject([{ outcome: 'failed', attempts: 3 }]);

    hook.script({ status: 503, headers: { 'retry-after': '5' } });
    await saveIncident(r.store, 'inc-5');
    r.notifier.handle({ kind: 'opened', incident: incident({ id: 'inc-5' }) });
    await expect
      .poll(async () => (await deliveries(r.store, 'inc-5'))[0]?.outcome)
      .toBe('retrying');
    expect(r.lines.join('\n')).not.toContain('hush-hush');
  });

  it('retries a refused connection and names only the error code', async () => {
    const gone = await Receiver.start();
    const url = `${gone.url}/hook?token=TOPSECRET`;
    await gone.close();
    const r = rig([{ name: 'ops', kind: 'teams', url }], {
      retry: { attempts: 2, baseDelayMs: 10 },
    });
    closers.push(r);
    r.notifier.handle({ kind: 'opened', incident: incident() });
    await r.notifier.flush();
    const log = r.lines.join('\n');
    expect(log).toMatch(/attempt 1: ECONNREFUSED/);
    expect(log).toMatch(/failed after 2 attempt\(s\): ECONNREFUSED/);
    expect(log).not.toContain('TOPSECRET');
  });
});
