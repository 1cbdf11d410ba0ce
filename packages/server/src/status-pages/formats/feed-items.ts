/**
 * A small, tolerant reader of RSS 2.0 and Atom feeds: the feed title and each item's title, date
 * and description. Status feeds are flat, so matching elements is enough. Titles and dates are XML
 * text, kept as written (`xmlText`: "API &lt;beta&gt;" and CDATA "API <beta>" both read
 * "API <beta>"); only descriptions, and Atom titles typed `html`, carry HTML, which is removed.
 */
import { plainText, xmlContent, xmlText } from '../plain-text.js';

/** One item (RSS `<item>`, Atom `<entry>`), its text plain. */
export interface FeedItem {
  readonly title: string;
  readonly description: string;
  /** Epoch ms of `pubDate` / `updated` / `published`; undefined when absent or unreadable. */
  readonly atMs: number | undefined;
  readonly date: string | undefined;
}

/** A parsed feed, or null when the document is not RSS or Atom. */
export interface Feed {
  readonly title: string;
  readonly items: readonly FeedItem[];
}

const MAX_ITEMS = 200;
const MAX_DESCRIPTION_CHARS = 2000;

interface Element {
  /** Atom's `type` attribute (RFC 4287 §3.1): `text` (the default), `html` or `xhtml`. */
  readonly type: string;
  readonly body: string;
}

function element(block: string, names: readonly string[]): Element | undefined {
  for (const name of names) {
    const m = new RegExp(`<${name}\\b([^>]*)>([\\s\\S]*?)</${name}\\s*>`, 'i').exec(block);
    if (m?.[2] !== undefined) {
      const type = /\btype\s*=\s*["']([^"']*)["']/i.exec(m[1] ?? '')?.[1]?.toLowerCase();
      return { type: type ?? 'text', body: m[2] };
    }
  }
  return undefined;
}

/** A title: text kept as written, unless Atom says it is HTML (`type="html"` or `"xhtml"`). */
function titleOf(e: Element | undefined): string {
  if (e === undefined) return '';
  return e.type === 'html' || e.type === 'xhtml' ? plainText(xmlContent(e.body)) : xmlText(e.body);
}

function item(block: string): FeedItem {
  const date = element(block, ['pubDate', 'updated', 'published', 'dc:date']);
  const text = date === undefined ? undefined : xmlText(date.body, 64);
  const atMs = text === undefined ? NaN : Date.parse(text);
  // Descriptions carry HTML inside their XML text (RSS escapes it or wraps it in CDATA).
  const description = element(block, ['description', 'summary', 'content'])?.body ?? '';
  return {
    title: titleOf(element(block, ['title'])),
    description: plainText(xmlContent(description), MAX_DESCRIPTION_CHARS),
    atMs: Number.isFinite(atMs) ? atMs : undefined,
    date: text,
  };
}

/** Reads `text` as a feed; null when it has no `<rss>`, `<feed>` or `<rdf:RDF>` root. */
export function readFeed(text: string): Feed | null {
  const head = text.slice(0, 4096);
  if (!/<(rss|feed|rdf:RDF)\b/i.test(head)) return null;
  const blocks = [...text.matchAll(/<(item|entry)\b[^>]*>([\s\S]*?)<\/\1\s*>/gi)].slice(
    0,
    MAX_ITEMS,
  );
  const firstItem = blocks[0]?.index ?? text.length;
  return {
    title: titleOf(element(text.slice(0, firstItem), ['title'])),
    items: blocks.map((b) => item(b[2] ?? '')),
  };
}
