// From the live engine's feed to a channel: drafts reach the team's Slack, never the public page.
import { afterEach, describe, expect, it } from 'vitest';
import { notifyEventOfFeed } from '../../src/notify/index.js';
import { incident } from './incident-fixture.js';
import { rig, type Rig } from './notify-rig.js';
import { Receiver } from './receiver.js';
import { startStatuspage } from './statuspage-fake.js';

const closers: (Rig | Receiver)[] = [];
afterEach(async () => {
  await Promise.all(
    closers.splice(0).map((c) => ('notifier' in c ? c.notifier.close() : c.close())),
  );
});

describe('notifyEventOfFeed', () => {
  it('turns incident entries into events with drafted texts and ignores other entries', () => {
    const i = incident();
    const entry = { id: 7, type: 'incident.opened', atMs: 1234, data: JSON.stringify(i) };
    const event = notifyEventOfFeed(entry);
    expect(event).toMatchObject({
      kind: 'opened',
      atMs: 1234,
      stage: 'identified',
      incident: { id: i.id },
    });
    expect(event?.publicText?.approved).toBe(false);
    expect(event?.publicText?.text).toMatch(/Anthropic/);
    expect(event?.internalText?.length).toBeGreaterThan(0);
    expect(notifyEventOfFeed({ ...entry, type: 'breaker.changed', data: '{}' })).toBeUndefined();
    const done = {
      ...entry,
      type: 'incident.resolved',
      data: JSON.stringify({ ...i, resolved_at: '2026-11-22T04:31:10.000Z' }),
    };
    expect(notifyEventOfFeed(done)?.stage).toBe('resolved');
  });

  it('posts the drafted update to Slack and nothing to the Statuspage page', async () => {
    const slack = await Receiver.start();
    const sp = await startStatuspage('key');
    const r = rig([
      { name: 'team', kind: 'slack', url: slack.url },
      { name: 'page', kind: 'statuspage', url: sp.url, api_key: 'key' },
    ]);
    closers.push(slack, sp.receiver, r);
    const event = notifyEventOfFeed({
      id: 1,
      type: 'incident.opened',
      atMs: 1,
      data: JSON.stringify(incident()),
    });
    if (event !== undefined) r.notifier.handle(event);
    await r.notifier.flush();
    expect(slack.requests).toHaveLength(1);
    expect(slack.requests[0]?.body).toContain('Drafted public update (not published)');
    expect(sp.receiver.requests).toEqual([]);
  });

  it('logs Slack’s refusal code and does not retry a 400', async () => {
    const slack = await Receiver.start(() => ({ status: 400, body: 'invalid_payload' }));
    const r = rig([{ name: 'team', kind: 'slack', url: slack.url }]);
    closers.push(slack, r);
    r.notifier.handle({ kind: 'opened', incident: incident() });
    await r.notifier.flush();
    expect(slack.requests).toHaveLength(1);
    expect(r.lines.join('\n')).toContain('failed after 1 attempt(s): HTTP 400 invalid_payload');
  });
});
