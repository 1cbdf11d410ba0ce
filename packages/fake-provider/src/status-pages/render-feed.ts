/**
 * RSS 2.0 and Atom feeds in the AWS Health style (status-pages.md §3): one item per update,
 * newest first, the resolving one titled `[RESOLVED] …`; an empty feed means all is well (pure).
 */
import { incidentId, incidentName, updateBody, updateId } from './incident-text.js';
import type { PageView } from './page-view.js';
import type { Stamp } from './stamp.js';

interface FeedItem {
  readonly id: string;
  readonly title: string;
  readonly body: string;
  readonly atMs: number;
}

/** Escapes text for XML character data and attribute values. */
export function xmlEscape(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

function items(view: PageView): FeedItem[] {
  const all = view.components.flatMap((c, index) =>
    c.incidents.flatMap((incident) => {
      const key = incidentId('fk', incident, index);
      const name = incidentName(incident, c.component);
      return incident.updates.map((u, n) => ({
        id: updateId(key, n),
        title: u.status === 'resolved' ? `[RESOLVED] ${name}` : name,
        body: updateBody(u, c.component),
        atMs: u.atMs,
      }));
    }),
  );
  return all.sort((a, b) => b.atMs - a.atMs);
}

/** The feed as RSS 2.0; `toPageMs` maps fake-clock times as the page's stamps do. */
export function rssFeed(view: PageView, toPageMs: (ms: number) => number): string {
  const link = `https://status.example.com/${view.settings.id}`;
  const date = (ms: number): string => new Date(Math.round(toPageMs(ms))).toUTCString();
  const entries = items(view).map(
    (i) =>
      `<item><title>${xmlEscape(i.title)}</title><link>${link}</link>` +
      `<pubDate>${date(i.atMs)}</pubDate><guid isPermaLink="false">${xmlEscape(i.id)}</guid>` +
      `<description>${xmlEscape(i.body)}</description></item>`,
  );
  return (
    '<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0"><channel>' +
    `<title>${xmlEscape(view.settings.title)}</title><link>${link}</link>` +
    `<description>${xmlEscape(view.settings.title)}</description><language>en-us</language>` +
    `<lastBuildDate>${date(view.changedMs)}</lastBuildDate>${entries.join('')}</channel></rss>\n`
  );
}

/** The same feed as Atom (RFC 4287). */
export function atomFeed(view: PageView, stamp: Stamp): string {
  const link = `https://status.example.com/${view.settings.id}`;
  const entries = items(view).map(
    (i) =>
      `<entry><id>tag:status.example.com,2026:${xmlEscape(i.id)}</id><title>${xmlEscape(i.title)}</title>` +
      `<updated>${stamp(i.atMs)}</updated><published>${stamp(i.atMs)}</published>` +
      `<link rel="alternate" type="text/html" href="${link}"/>` +
      `<content type="text">${xmlEscape(i.body)}</content></entry>`,
  );
  return (
    '<?xml version="1.0" encoding="UTF-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom">' +
    `<id>tag:status.example.com,2026:${xmlEscape(view.settings.id)}</id>` +
    `<title>${xmlEscape(view.settings.title)}</title><updated>${stamp(view.changedMs)}</updated>` +
    `<link rel="alternate" type="text/html" href="${link}"/>${entries.join('')}</feed>\n`
  );
}
