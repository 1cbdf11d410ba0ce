// Each channel's wire format, checked by a real receiver on loopback (alerting.md §1, §2, §4, §5).
import { Webhook } from 'standardwebhooks';
import { afterEach, describe, expect, it } from 'vitest';
import { incident, ourIncident, resolved } from './incident-fixture.js';
import { Receiver } from './receiver.js';
import { rig, type Rig } from './notify-rig.js';

const open: Receiver[] = [];
const rigs: Rig[] = [];
async function receiver(...args: Parameters<typeof Receiver.start>): Promise<Receiver> {
  const r = await Receiver.start(...args);
  open.push(r);
  return r;
}
function track(r: Rig): Rig {
  rigs.push(r);
  return r;
}
afterEach(async () => {
  await Promise.all(rigs.splice(0).map((r) => r.notifier.close()));
  await Promise.all(open.splice(0).map((r) => r.close()));
});

type Json = Record<string, unknown>;

describe('slack', () => {
  it('posts Block Kit blocks with a meaningful text fallback and the drafted update', async () => {
    const slack = await receiver();
    const { notifier } = track(
      rig([{ name: 'team', kind: 'slack', url: '${SLACK_URL}' }], {
        env: { SLACK_URL: `${slack.url}/services/T1/B2/sekrit` },
      }),
    );
    notifier.handle({
      kind: 'opened',
      incident: incident(),
      publicText: { text: "Anthropic's API is returning <529> & errors.", approved: false },
      internalText: 'provider layer; fail over to OpenAI',
    });
    await notifier.flush();
    expect(slack.requests.map((r) => [r.method, r.path])).toEqual([
      ['POST', '/services/T1/B2/sekrit'],
    ]);
    expect(slack.requests[0]?.headers['content-type']).toBe('application/json');
    const body = slack.json()[0] as { text: string; blocks: Json[] };
    expect(body.text).toContain('Opened: provider layer (overloaded) at Anthropic');
    expect(body.text).toContain('fail over to OpenAI');
    const types = body.blocks.map((b) => b.type);
    expect(types[0]).toBe('header');
    expect(types).toContain('section');
    expect(body.blocks.length).toBeLessThanOrEqual(50);
    const header = body.blocks[0] as { text: { type: string; text: string } };
    expect(header.text.type).toBe('plain_text');
    expect(header.text.text.length).toBeLessThanOrEqual(150);
    const texts = JSON.stringify(body.blocks);
    expect(texts).toContain('Drafted public update (not published)');
    expect(texts).toContain('&lt;529&gt; &amp; errors'); // mrkdwn escaping (SL4)
    const fields = body.blocks.find((b) => Array.isArray(b.fields)) as { fields: Json[] };
    expect(fields.fields.length).toBeLessThanOrEqual(10);
  });
});

describe('pagerduty', () => {
  it('triggers once with v2 fields, takes no update, and resolves with the same dedup_key', async () => {
    const pd = await receiver(() => ({
      status: 202,
      headers: { 'content-type': 'application/json' },
      body: '{"status":"success","message":"Event processed","dedup_key":"x"}',
    }));
    const { notifier } = track(
      rig(
        [
          {
            name: 'pager',
            kind: 'pagerduty',
            routing_key: '${PD_KEY}',
            url: `${pd.url}/v2/enqueue`,
          },
        ],
        {
          env: { PD_KEY: 'R0UT1NGKEY0000000000000000000001' },
        },
      ),
    );
    const i = incident();
    notifier.handle({ kind: 'opened', incident: i });
    notifier.handle({ kind: 'updated', incident: { ...i, models: ['claude-opus-4-7'] } });
    notifier.handle({ kind: 'resolved', incident: resolved(i) });
    await notifier.flush();
    const [trigger, resolve, ...rest] = pd.json() as Json[];
    expect(rest).toEqual([]);
    expect(trigger).toMatchObject({
      routing_key: 'R0UT1NGKEY0000000000000000000001',
      event_action: 'trigger',
      dedup_key: i.id,
      payload: {
        source: 'anthropic',
        severity: 'error',
        timestamp: i.detected_at,
        group: 'provider',
        class: 'provider/overloaded',
        custom_details: {
          incident_id: i.id,
          layer: 'provider',
          owner: 'provider',
          scope: 'provider',
          evidence: { error_rate: { facts: { share: 0.41, failures: 752, calls: 1834 } } },
        },
      },
    });
    const summary = (trigger?.payload as { summary: string }).summary;
    expect(summary.length).toBeGreaterThan(0);
    expect(summary.length).toBeLessThanOrEqual(1024);
    expect(resolve).toEqual({
      routing_key: 'R0UT1NGKEY0000000000000000000001',
      event_action: 'resolve',
      dedup_key: i.id,
    });
  });

  it('re-triggers a reopened incident with the same dedup_key and pages our global faults as critical', async () => {
    const pd = await receiver(() => ({ status: 202, body: '{"status":"success"}' }));
    const { notifier } = track(
      rig([{ name: 'pager', kind: 'pagerduty', routing_key: 'k', url: pd.url }]),
    );
    const ours = ourIncident();
    notifier.handle({ kind: 'opened', incident: ours, atMs: 1 });
    notifier.handle({ kind: 'resolved', incident: resolved(ours), atMs: 2 });
    notifier.handle({ kind: 'reopened', incident: ours, atMs: 3 });
    notifier.handle({ kind: 'reopened', incident: ours, atMs: 3 }); // the same reopen again
    await notifier.flush();
    const sent = pd.json() as { event_action: string; dedup_key: string; payload?: Json }[];
    expect(sent.map((e) => e.event_action)).toEqual(['trigger', 'resolve', 'trigger']);
    expect(new Set(sent.map((e) => e.dedup_key))).toEqual(new Set([ours.id]));
    expect(sent[0]?.payload?.severity).toBe('critical');
    expect(sent[0]?.payload?.source).toBe('faultline (every provider)');
  });
});

describe('teams', () => {
  it('posts a message with one Adaptive Card 1.4 attachment', async () => {
    const teams = await receiver(() => ({ status: 202 }));
    const { notifier } = track(
      rig([{ name: 'ops', kind: 'teams', url: `${teams.url}/workflows/abc?sig=SIGNATURE` }]),
    );
    notifier.handle({ kind: 'opened', incident: incident(), internalText: 'fail over' });
    await notifier.flush();
    expect(teams.requests[0]?.path).toBe('/workflows/abc?sig=SIGNATURE');
    const body = teams.json()[0] as { type: string; attachments: Json[] };
    expect(body.type).toBe('message');
    expect(body.attachments).toHaveLength(1);
    const att = body.attachments[0] as { contentType: string; contentUrl: null; content: Json };
    expect(att.contentType).toBe('application/vnd.microsoft.card.adaptive');
    expect(att.contentUrl).toBeNull();
    expect(att.content).toMatchObject({
      $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
      type: 'AdaptiveCard',
      version: '1.4',
    });
    const elements = att.content.body as Json[];
    for (const e of elements) expect(['TextBlock', 'FactSet']).toContain(e.type);
    for (const e of elements.filter((x) => x.type === 'TextBlock'))
      expect(typeof e.text === 'string' && e.text.length > 0).toBe(true);
    const facts = elements.find((e) => e.type === 'FactSet') as {
      facts: { title: string; value: string }[];
    };
    expect(facts.facts).toContainEqual({ title: 'Layer', value: 'provider (overloaded)' });
    expect(Buffer.byteLength(teams.requests[0]?.body ?? '')).toBeLessThan(28 * 1024);
  });
});

describe('webhook', () => {
  const secretBytes = Buffer.from('0123456789abcdef0123456789abcdef');
  const cases = [
    {
      what: 'a whsec_ secret',
      secret: `whsec_${secretBytes.toString('base64')}`,
      verifier: () => new Webhook(`whsec_${secretBytes.toString('base64')}`),
    },
    {
      what: 'a plain-string secret',
      secret: 'plain shared secret',
      verifier: () => new Webhook('plain shared secret', { format: 'raw' }),
    },
  ];
  for (const c of cases)
    it(`signs each event per Standard Webhooks with ${c.what}, verified by the standardwebhooks package`, async () => {
      const hook = await receiver(() => ({ status: 204 }));
      const { notifier } = track(
        rig([{ name: 'hooks', kind: 'webhook', url: `${hook.url}/in`, secret: c.secret }]),
      );
      const i = incident();
      notifier.handle({ kind: 'opened', incident: i, atMs: Date.UTC(2026, 10, 22, 4, 12, 41) });
      notifier.handle({
        kind: 'updated',
        incident: { ...i, scope: 'model', models: ['claude-opus-4-7'] },
      });
      notifier.handle({ kind: 'resolved', incident: resolved(i) });
      await notifier.flush();
      expect(hook.requests).toHaveLength(3);
      const wh = c.verifier();
      const types = hook.requests.map((r) => {
        const payload = wh.verify(r.body, r.headers as Record<string, string>) as {
          type: string;
          timestamp: string;
          data: Json;
        };
        expect(Object.keys(payload)).toEqual(['type', 'timestamp', 'data']);
        expect(payload.data.id).toBe(i.id);
        expect(Number.isNaN(Date.parse(payload.timestamp))).toBe(false);
        return payload.type;
      });
      expect(types).toEqual(['incident.opened', 'incident.updated', 'incident.resolved']);
      expect(new Set(hook.requests.map((r) => r.headers['webhook-id'])).size).toBe(3);
      const tampered = hook.requests[0];
      expect(() =>
        wh.verify(`${tampered?.body ?? ''} `, tampered?.headers as Record<string, string>),
      ).toThrow();
    });
});
