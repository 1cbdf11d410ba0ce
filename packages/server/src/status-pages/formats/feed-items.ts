/**
 * A small, tolerant reader of RSS 2.0 and Atom feeds: the feed title and each item's title, date
 * and description. Status feeds are flat, so matching elements is enough; nothing is interpreted
 * as HTML (text comes out through `plainText`).
 */
import { plainText } from '../plain-text.js';

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

function element(block: string, names: readonly string[]): string | undefined {
  for (const name of names) {
    const m = new RegExp(`<${name}\\b[^>]*>([\\s\\S]*?)</${name}\\s*>`, 'i').exec(block);
    if (m?.[1] !== undefined) return m[1];
  }
  return undefined;
}

function item(block: string): FeedItem {
  const date = element(block, ['pubDate', 'updated', 'published', 'dc:date'])?.trim();
  const atMs = date === undefined ? NaN : Date.parse(plainText(date, 64));
  return {
    title: plainText(element(block, ['title']) ?? ''),
    description: plainText(
      element(block, ['description', 'summary', 'content']) ?? '',
      MAX_DESCRIPTION_CHARS,
    ),
    atMs: Number.isFinite(atMs) ? atMs : undefined,
    date: date === undefined ? undefined : plainText(date, 64),
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
    title: plainText(element(text.slice(0, firstItem), ['title']) ?? ''),
    items: blocks.map((b) => item(b[2] ?? '')),
  };
}
