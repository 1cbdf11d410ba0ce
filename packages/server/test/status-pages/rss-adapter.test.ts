// The rss adapter (RSS 2.0 and Atom, best effort) against a real local server serving the reference fixtures and variants.
import { describe, expect, it } from 'vitest';
import { usePageServer, readings } from './adapter-harness.js';

const page = usePageServer();
const read = page.read;

const rss = (items: string): string =>
  `<?xml version="1.0"?><rss version="2.0"><channel><title>Amazon Bedrock (us-east-1) Service Status</title>${items}</channel></rss>`;
const rssItem = (title: string, date: string, description = ''): string =>
  `<item><title><![CDATA[${title}]]></title><pubDate>${date}</pubDate><description>${description}</description></item>`;

describe('rss adapter', () => {
  const XML = 'application/rss+xml';

  it('reads an open item as an incident whose words decide the status, its title as written', async () => {
    const body = rss(
      rssItem(
        'Increased <b>error rates</b>',
        'Wed, 14 Oct 2026 14:40:00 GMT',
        '&lt;p&gt;We are investigating&lt;/p&gt;',
      ),
    );
    const r = readings(
      await read('rss', '/rss/bedrock.rss', body, XML, `${page.url()}/rss/bedrock.rss`),
    );
    expect(r).toEqual([
      {
        component: 'Amazon Bedrock (us-east-1) Service Status',
        status: 'partial_outage',
        incident: 'Increased <b>error rates</b>',
        pageStartedAt: 'Wed, 14 Oct 2026 14:40:00 GMT',
        pageUpdatedAt: 'Wed, 14 Oct 2026 14:40:00 GMT',
      },
    ]);
  });

  it('reads a newest [RESOLVED] item, an empty feed and a day-old item as operational', async () => {
    const url = `${page.url()}/rss/b.rss`;
    const resolved = rss(
      rssItem('[RESOLVED] Increased error rates', 'Wed, 14 Oct 2026 14:55:00 GMT') +
        rssItem('Increased error rates', 'Wed, 14 Oct 2026 14:40:00 GMT'),
    );
    expect(readings(await read('rss', '/rss/b.rss', resolved, XML, url))[0]?.status).toBe(
      'operational',
    );
    expect(readings(await read('rss', '/rss/b.rss', rss(''), XML, url))[0]?.status).toBe(
      'operational',
    );
    const stale = rss(rssItem('Increased error rates', 'Mon, 12 Oct 2026 10:00:00 GMT'));
    expect(readings(await read('rss', '/rss/b.rss', stale, XML, url))[0]?.status).toBe(
      'operational',
    );
  });

  it('reads Atom entries: degraded and maintenance words', async () => {
    const atom = (title: string): string =>
      `<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Azure status</title><entry><title type="html">${title}</title><updated>2026-10-14T14:50:00Z</updated><summary type="html">&lt;b&gt;details&lt;/b&gt;</summary></entry></feed>`;
    const url = `${page.url()}/feed.atom`;
    const slow = readings(
      await read(
        'rss',
        '/feed.atom',
        atom('Degraded latency for Azure OpenAI'),
        'application/atom+xml',
        url,
      ),
    );
    expect(slow[0]).toMatchObject({ component: 'Azure status', status: 'degraded_performance' });
    const planned = readings(
      await read(
        'rss',
        '/feed.atom',
        atom('Planned maintenance: Azure OpenAI'),
        'application/atom+xml',
        url,
      ),
    );
    expect(planned[0]?.status).toBe('under_maintenance');
  });

  it('marks JSON served where a feed was expected as a schema miss', async () => {
    const r = await read('rss', '/x.rss', '{"a":1}', XML, `${page.url()}/x.rss`);
    expect(r).toMatchObject({ kind: 'unknown', reason: 'schema' });
  });
});
