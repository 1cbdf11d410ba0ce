// Page text with < > & in it, for every kind: names and titles from JSON kept exactly as written,
// feed titles read as XML text, markup removed only where a feed says it is HTML; and a component
// configured as "API <beta>" matches the page's "API <beta>".
import type { StatusObservation } from '@faultline/core';
import { describe, expect, it } from 'vitest';
import { createStatusPoller, type StatusPageEntry } from '../../src/status-pages/index.js';
import { NOW, readings, usePageServer } from './adapter-harness.js';

const page = usePageServer();
const NAME = 'API <beta> & Co';
const TITLE = 'Errors on <Opus 4.7> & "Sonnet" <b>now</b>';
const COMPONENT_ID = 'c-beta';

const statuspage = JSON.stringify({
  page: { id: 'p' },
  components: [{ id: COMPONENT_ID, name: NAME, status: 'partial_outage' }],
  incidents: [
    { id: 'i1', name: TITLE, status: 'investigating', components: [{ id: COMPONENT_ID }] },
  ],
});
const proxy = JSON.stringify({
  summary: {
    structure: { items: [{ component: { component_id: COMPONENT_ID, name: NAME } }] },
    affected_components: [{ component_id: COMPONENT_ID, status: 'partial_outage' }],
    ongoing_incidents: [
      { id: 'i1', name: TITLE, affected_components: [{ component_id: COMPONENT_ID }] },
    ],
  },
});
const widget = JSON.stringify({
  page_title: 'Example',
  ongoing_incidents: [
    {
      id: 'i1',
      name: TITLE,
      affected_components: [{ id: COMPONENT_ID, name: NAME, current_status: 'partial_outage' }],
    },
  ],
});
const gcloud = JSON.stringify([
  {
    id: 'g1',
    external_desc: TITLE,
    status_impact: 'SERVICE_OUTAGE',
    begin: '2026-10-14T14:00:00Z',
    affected_products: [{ id: 'Z0FZJAMvEB4j3NbCJs6B' }],
  },
]);
const esc = (s: string): string =>
  s.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
const rss = (title: string, itemTitle: string): string =>
  `<?xml version="1.0"?><rss version="2.0"><channel><title>${title}</title><item><title>${itemTitle}</title><pubDate>Wed, 14 Oct 2026 14:40:00 GMT</pubDate><description>&lt;p&gt;Elevated &lt;b&gt;errors&lt;/b&gt;&lt;/p&gt;</description></item></channel></rss>`;

describe('page text with < > & in it', () => {
  it.each([
    ['statuspage', '/api/v2/summary.json', statuspage, ''],
    ['incidentio', '/proxy/PAGE', proxy, ''],
    ['incidentio', '/api/v1/summary', widget, '/api/v1/summary'],
  ] as const)(
    '%s %s keeps component names and incident titles exactly',
    async (kind, path, body, urlPath) => {
      const host = new URL(page.url()).host;
      const at = path.replace('PAGE', host);
      const r = readings(await page.read(kind, at, body, undefined, `${page.url()}${urlPath}`));
      expect(r.map((c) => [c.component, c.incident])).toEqual([[NAME, TITLE]]);
    },
  );

  it('google-cloud keeps incident titles exactly', async () => {
    const r = readings(await page.read('google-cloud', '/incidents.json', gcloud));
    expect(r.find((c) => c.componentId === 'Z0FZJAMvEB4j3NbCJs6B')?.incident).toBe(TITLE);
  });

  it('rss reads escaped and CDATA titles as text, and removes the HTML of descriptions', async () => {
    const url = `${page.url()}/feed.rss`;
    const escaped = readings(
      await page.read('rss', '/feed.rss', rss(esc(NAME), esc(TITLE)), 'application/rss+xml', url),
    );
    expect(escaped).toMatchObject([{ component: NAME, incident: TITLE, status: 'partial_outage' }]);
    const cdata = readings(
      await page.read(
        'rss',
        '/feed.rss',
        rss(`<![CDATA[${NAME}]]>`, `<![CDATA[${TITLE}]]>`),
        'application/rss+xml',
        url,
      ),
    );
    expect(cdata).toMatchObject([{ component: NAME, incident: TITLE }]);
  });

  it('an Atom title typed html has its markup removed; a text one is kept', async () => {
    const atom = (type: string): string =>
      `<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>${esc(NAME)}</title><entry><title type="${type}">${esc(TITLE)}</title><updated>2026-10-14T14:50:00Z</updated></entry></feed>`;
    const url = `${page.url()}/feed.atom`;
    const type = 'application/atom+xml';
    const html = readings(await page.read('rss', '/feed.atom', atom('html'), type, url));
    expect(html[0]).toMatchObject({ component: NAME, incident: 'Errors on & "Sonnet" now' });
    const text = readings(await page.read('rss', '/feed.atom', atom('text'), type, url));
    expect(text[0]?.incident).toBe(TITLE);
  });

  it('a component configured as "API <beta> & Co" matches the page and is observed', async () => {
    await page.read('statuspage', '/api/v2/summary.json', statuspage);
    const seen: StatusObservation[] = [];
    const source: StatusPageEntry = {
      provider: 'example',
      kind: 'statuspage',
      url: page.url(),
      every: 60_000,
      components: { [NAME]: ['model-beta'] },
    };
    const poller = createStatusPoller({
      source,
      fetch,
      now: () => NOW,
      onObservations: (o) => seen.push(...o),
      onSourceState: () => undefined,
    });
    await poller.pollNow();
    await poller.shutdown();
    expect(seen).toMatchObject([
      { component: NAME, incident: TITLE, models: ['model-beta'], status: 'partial_outage' },
    ]);
  });
});
