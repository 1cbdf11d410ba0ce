// The Statuspage publisher: approved public text only, create → update → resolve over REST v1.
import { afterEach, describe, expect, it } from 'vitest';
import { createMemoryStore } from '../../src/store/memory/index.js';
import { incident, resolved } from './incident-fixture.js';
import { rig, type Rig } from './notify-rig.js';
import type { Receiver } from './receiver.js';
import { startStatuspage } from './statuspage-fake.js';

const KEY = 'sp-api-key-123';
const closers: (Rig | Receiver)[] = [];
afterEach(async () => {
  await Promise.all(
    closers.splice(0).map((c) => ('notifier' in c ? c.notifier.close() : c.close())),
  );
});

describe('statuspage', () => {
  it('posts nothing from drafts, then creates, updates and resolves from approved text', async () => {
    const sp = await startStatuspage(KEY);
    const r = rig([{ name: 'page', kind: 'statuspage', url: sp.url, api_key: '${SP_KEY}' }], {
      env: { SP_KEY: KEY },
    });
    closers.push(sp.receiver, r);
    const i = incident();
    r.notifier.handle({
      kind: 'opened',
      incident: i,
      publicText: { text: 'Draft. Not yet approved.', approved: false },
    });
    await r.notifier.flush();
    expect(sp.receiver.requests).toEqual([]);

    const identified = "Anthropic's API is returning overloaded errors. We are failing over.";
    r.notifier.handle({
      kind: 'updated',
      incident: i,
      stage: 'identified',
      publicText: { text: identified, approved: true },
    });
    r.notifier.handle({
      kind: 'updated',
      incident: i,
      stage: 'identified',
      publicText: { text: identified, approved: true },
    });
    const monitoring = 'A fix is in place at Anthropic. We are watching the error share.';
    r.notifier.handle({
      kind: 'updated',
      incident: i,
      stage: 'monitoring',
      publicText: { text: monitoring, approved: true },
    });
    const done = 'Requests to Anthropic succeed again since 04:31 UTC.';
    r.notifier.handle({
      kind: 'resolved',
      incident: resolved(i),
      publicText: { text: done, approved: true },
    });
    await r.notifier.flush();

    expect(sp.receiver.requests.map((q) => `${q.method} ${q.path}`)).toEqual([
      'GET /v1/pages/p1/incidents/unresolved',
      'POST /v1/pages/p1/incidents',
      'PATCH /v1/pages/p1/incidents/sp1',
      'PATCH /v1/pages/p1/incidents/sp1',
    ]);
    const page = sp.page.get('sp1');
    expect(page?.name).toBe("Anthropic's API is returning overloaded errors.");
    expect(page?.metadata).toEqual({ faultline: { incident_id: i.id } });
    expect(page?.updates).toEqual([
      { status: 'identified', body: identified },
      { status: 'monitoring', body: monitoring },
      { status: 'resolved', body: done },
    ]);
    expect(r.lines.join('\n')).not.toContain(KEY);
  });

  it('finds the page incident again from another notifier sharing the store (by metadata)', async () => {
    const sp = await startStatuspage(KEY);
    const store = createMemoryStore();
    const cfg = [{ name: 'page', kind: 'statuspage', url: sp.url, api_key: KEY }];
    const a = rig(cfg, { store });
    const b = rig(cfg, { store });
    closers.push(sp.receiver, a, b);
    const i = incident();
    const first = { text: 'Anthropic API errors. Failing over.', approved: true };
    a.notifier.handle({ kind: 'opened', incident: i, publicText: first });
    b.notifier.handle({ kind: 'opened', incident: i, publicText: first });
    await Promise.all([a.notifier.flush(), b.notifier.flush()]);
    const fixed = { text: 'Anthropic calls succeed again.', approved: true };
    b.notifier.handle({ kind: 'resolved', incident: resolved(i), publicText: fixed });
    await b.notifier.flush();
    expect([...sp.page.values()].map((p) => [p.id, p.status, p.updates.length])).toEqual([
      ['sp1', 'resolved', 2],
    ]);
  });

  it('fails without retrying when the page refuses the key, and logs no key', async () => {
    const sp = await startStatuspage('the-right-key');
    const r = rig([{ name: 'page', kind: 'statuspage', url: sp.url, api_key: 'a-wrong-key' }]);
    closers.push(sp.receiver, r);
    r.notifier.handle({
      kind: 'opened',
      incident: incident(),
      publicText: { text: 'Approved.', approved: true },
    });
    await r.notifier.flush();
    expect(sp.receiver.requests).toHaveLength(1);
    expect(r.lines.join('\n')).toMatch(/failed after 1 attempt\(s\): HTTP 401/);
    expect(r.lines.join('\n')).not.toContain('a-wrong-key');
  });
});
