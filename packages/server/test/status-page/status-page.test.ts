// The public status page over real HTTP: /status, /status/feed.atom and /status/summary.json from a
// real service on SQLite, with published updates only, escaping, history bars and caching.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFeed } from '../../src/status-pages/formats/feed-items.js';
import { statuspageFormat } from '../../src/status-pages/formats/statuspage.js';
import { statuspageSummarySchema } from '../../src/status-pages/formats/statuspage-schema.js';
import { DAY, HOUR, SECRET, T0, draftText, startStatusRig, type StatusRig } from './status-rig.js';
import { checkWellFormed } from './xml-well-formed.js';
import {
  BREAK,
  BREAK_HTML,
  EVIL,
  EVIL_HTML,
  FIRST_DAY,
  IDENTIFIED,
  seededPage,
} from './seeded-page.js';

let rig: StatusRig;

beforeAll(async () => {
  rig = await seededPage();
});
afterAll(() => rig.close());

const get = (path: string, headers: Record<string, string> = {}) =>
  fetch(`${rig.base}${path}`, { headers });

function bars(html: string): string[][] {
  return [...html.matchAll(/<ol class="bars"[^>]*>([\s\S]*?)<\/ol>/g)].map((m) =>
    [...(m[1] ?? '').matchAll(/class="day-(\w+)"/g)].map((d) => d[1] ?? ''),
  );
}

describe('the public status page', () => {
  it('serves all three documents with no token, while /v1 still needs one', async () => {
    for (const path of ['/status', '/status/feed.atom', '/status/summary.json'])
      expect((await get(path)).status).toBe(200);
    expect((await fetch(`${rig.base}/status`, { method: 'HEAD' })).status).toBe(200);
    expect((await get('/v1/incidents')).status).toBe(401);
    expect((await get('/v1/incidents', { authorization: `Bearer ${rig.admin}` })).status).toBe(200);
  });

  it('renders components, states in words and incidents as HTML with no script', async () => {
    const res = await get('/status');
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('content-security-policy')).toContain("default-src 'none'");
    const html = await res.text();
    expect(html).not.toMatch(/<script/i);
    expect(html).toMatch(/^<!doctype html>\n<html lang="en">/);
    const states = [...html.matchAll(/<p class="state (\w+)">.*?<\/span>([^<]+)<\/p>/g)].map(
      (m) => [m[1], m[2]],
    );
    expect(states).toEqual([
      ['partial_outage', 'Partial outage'],
      ['partial_outage', 'Partial outage'],
      ['operational', 'Operational'],
    ]);
    const current = html.slice(html.indexOf('id="current-title"'), html.indexOf('id="past-title"'));
    expect(current).toContain('id="incident-inc-a"');
    expect(current).toContain(
      `Errors from Anthropic affecting Writing ${EVIL_HTML} ${BREAK_HTML} and Summaries`,
    );
    expect(current.indexOf('<strong>Identified</strong>')).toBeLessThan(
      current.indexOf('<strong>Investigating</strong>'),
    );
    const past = html.slice(html.indexOf('id="past-title"'));
    expect([...past.matchAll(/<article id="incident-([\w-]+)"/g)].map((m) => m[1])).toEqual([
      'inc-b',
      'inc-d',
    ]);
  });

  it('escapes hostile text in the title, a component name and a published update', async () => {
    const html = await (await get('/status')).text();
    expect(html).not.toContain(EVIL);
    expect(html).not.toContain(BREAK);
    expect(html).toContain(`<h1>Acme ${BREAK_HTML} status</h1>`);
    expect(html).toContain(`<h3>Writing ${EVIL_HTML} ${BREAK_HTML}</h3>`);
    expect(html).toContain(`HTTP 529 overloaded errors ${EVIL_HTML} ${BREAK_HTML} &amp; more.`);
  });

  it('shows published public text only: no drafts, internal updates or evidence', async () => {
    const docs = await Promise.all(
      ['/status', '/status/feed.atom', '/status/summary.json'].map(async (p) =>
        (await get(p)).text(),
      ),
    );
    for (const doc of docs) {
      for (const secret of [
        SECRET.evidence,
        SECRET.internal,
        draftText('inc-a', 'monitoring'),
        draftText('inc-c', 'investigating'),
        draftText('inc-e', 'resolved'),
        'claude-opus-4-7',
        'inc-e',
      ])
        expect(doc).not.toContain(secret);
    }
    expect(docs[0]).toContain(draftText('inc-a', 'investigating'));
    expect(docs[0]).toContain(draftText('inc-d', 'resolved'));
    expect(docs[0]).not.toContain('id="incident-inc-c"');
  });

  it('draws 90 daily bars per component from the incidents overlapping each day', async () => {
    const [writing, summaries, search] = bars(await (await get('/status')).text());
    for (const b of [writing, summaries, search]) expect(b).toHaveLength(90);
    const levels = (b: string[] | undefined) =>
      Object.entries(b ?? []).filter(([, l]) => l !== 'operational');
    expect(levels(writing)).toEqual([
      ['0', 'outage'],
      ['89', 'degraded'],
    ]);
    expect(levels(summaries)).toEqual([
      ['0', 'outage'],
      ['79', 'degraded'],
      ['80', 'degraded'],
      ['89', 'degraded'],
    ]);
    expect(levels(search)).toEqual([
      ['0', 'outage'],
      ['86', 'outage'],
    ]);
    expect(await (await get('/status')).text()).toContain('title="2026-11-28: Outage"');
  });

  it('answers summary.json that the Statuspage poller reads back', async () => {
    const res = await get('/status/summary.json');
    expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8');
    const text = await res.text();
    const doc = JSON.parse(text) as Record<string, unknown>;
    expect(statuspageSummarySchema.safeParse(doc).success).toBe(true);
    expect(doc).toMatchObject({
      page: { name: `Acme ${BREAK} status`, url: `${rig.base}/status`, time_zone: 'Etc/UTC' },
      scheduled_maintenances: [],
      status: { indicator: 'minor', description: 'Minor Service Outage' },
      incidents: [
        {
          id: 'inc-a',
          status: 'identified',
          impact: 'minor',
          resolved_at: null,
          incident_updates: [
            { status: 'identified', body: IDENTIFIED },
            { status: 'investigating', body: draftText('inc-a', 'investigating') },
          ],
        },
      ],
    });
    const parsed = statuspageFormat.parse(text, T0);
    if (!parsed.ok) throw new Error(parsed.detail);
    expect(parsed.readings.map((r) => [r.status, r.incident === null ? null : 'named'])).toEqual([
      ['partial_outage', 'named'],
      ['partial_outage', 'named'],
      ['operational', null],
    ]);
    expect(parsed.readings[2]?.component).toBe('Search');
    expect(parsed.readings[0]?.incidentId).toBe('inc-a');
  });

  it('writes a well-formed Atom feed of the published updates, newest first', async () => {
    const res = await get('/status/feed.atom');
    expect(res.headers.get('content-type')).toBe('application/atom+xml; charset=utf-8');
    const xml = await res.text();
    expect(checkWellFormed(xml)).toBe('feed');
    expect(xml).toContain('<feed xmlns="http://www.w3.org/2005/Atom">');
    expect(xml).not.toContain(EVIL);
    expect(xml).toContain(`${EVIL_HTML} ${BREAK_HTML} &amp; more.`);
    const feed = readFeed(xml);
    expect(feed?.title).toBe(`Acme ${BREAK} status`);
    expect(feed?.items.map((i) => [i.title.split(':')[0], i.date])).toEqual([
      ['Identified', new Date(T0 - HOUR / 2).toISOString()],
      ['Investigating', new Date(T0 - HOUR).toISOString()],
      ['Resolved', new Date(T0 - 3 * DAY + HOUR).toISOString()],
      ['Resolved', new Date(FIRST_DAY + 2 * HOUR).toISOString()],
    ]);
    expect(
      new Set([...xml.matchAll(/<id>(urn:uuid:[0-9a-f-]{36})<\/id>/g)].map((m) => m[1])).size,
    ).toBe(5);
  });

  it('the XML check refuses broken documents', () => {
    for (const bad of [
      '<a><b></a></b>',
      '<a>x & y</a>',
      '<a>1 < 2</a>',
      '<a b="1" b="2"/>',
      '<a/><b/>',
      '<a>',
    ])
      expect(() => checkWellFormed(bad)).toThrow();
    expect(checkWellFormed('<?xml version="1.0"?><a x="&amp;"><b/>t&#38;</a>')).toBe('a');
  });

  it('revalidates with ETag and shows a newly published update at once', async () => {
    const first = await get('/status');
    const etag = first.headers.get('etag') ?? '';
    expect(first.headers.get('cache-control')).toMatch(/^public, max-age=\d+$/);
    const again = await get('/status', { 'if-none-match': etag });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');
    expect((await rig.publish('inc-a', 'monitoring')).status).toBe(200);
    const after = await get('/status', { 'if-none-match': etag });
    expect(after.status).toBe(200);
    expect(after.headers.get('etag')).not.toBe(etag);
    expect(await after.text()).toContain(draftText('inc-a', 'monitoring'));
  });
});

describe('the default public status page', () => {
  it('is titled Status with one component per provider seen', async () => {
    const other = await startStatusRig();
    try {
      await other.seed({
        id: 'inc-o',
        scope: 'model',
        provider: 'openai',
        models: ['gpt-5.1'],
        peak: 0.7,
        startedAtMs: T0 - HOUR,
        endedAtMs: null,
        drafts: [],
      });
      await other.seed({
        id: 'inc-x',
        scope: 'provider',
        provider: 'anthropic',
        models: [],
        peak: 0.2,
        startedAtMs: T0 - 5 * DAY,
        endedAtMs: T0 - 5 * DAY + HOUR,
        drafts: [],
      });
      const doc = (await (await fetch(`${other.base}/status/summary.json`)).json()) as {
        page: { name: string };
        components: { name: string; status: string }[];
        incidents: unknown[];
        status: { indicator: string };
      };
      expect(doc.page.name).toBe('Status');
      expect(doc.components.map((c) => [c.name, c.status])).toEqual([
        ['Anthropic', 'operational'],
        ['OpenAI', 'major_outage'],
      ]);
      expect(doc.incidents).toEqual([]);
      expect(doc.status.indicator).toBe('major');
    } finally {
      await other.close();
    }
  });
});
