/**
 * RSS and Atom feeds (AWS Health for Bedrock, Azure status), best effort: the feed is one
 * component named by its title; its newest item, unless resolved or older than a day, is an open
 * incident whose words decide the status (status-pages.md §3, §7). An empty feed is healthy,
 * which is why a failed fetch must stay `unknown` and never read as empty.
 */
import type { ComponentStatus } from '@faultline/core';
import type { PageFormat, ParseOutcome } from '../page-format.js';
import type { ComponentReading } from '../status-source.js';
import { readFeed, type FeedItem } from './feed-items.js';

/** An unresolved item older than this is taken as closed: feeds often never post a resolution. */
export const FEED_OPEN_WINDOW_MS = 24 * 3_600_000;

/** AWS titles resolved items `[RESOLVED] …`; Google's Atom feed uses `RESOLVED: …`. */
const RESOLVED = /^\s*\[?\s*(resolved|closed|completed)\b/i;

/** Status words in an item's text, most specific first. */
const WORDS: readonly (readonly [RegExp, ComponentStatus])[] = [
  [/\bmaintenance\b/i, 'under_maintenance'],
  [/\b(major|full|complete) outage\b|\bunavailable\b|\bis down\b/i, 'major_outage'],
  [/\bpartial outage\b|\bdisruption\b|\berrors?\b|\bfailures?\b/i, 'partial_outage'],
  [/\bdegraded\b|\blatency\b|\bslow(er|ness)?\b|\bdelays?\b/i, 'degraded_performance'],
];

function statusOf(item: FeedItem): ComponentStatus {
  const text = `${item.title} ${item.description}`;
  return WORDS.find(([re]) => re.test(text))?.[1] ?? 'partial_outage';
}

function parse(text: string, nowMs: number): ParseOutcome {
  const feed = readFeed(text);
  if (feed === null) return { ok: false, detail: 'not an RSS or Atom feed' };
  const newest = [...feed.items].sort((a, b) => (b.atMs ?? 0) - (a.atMs ?? 0))[0];
  const open =
    newest !== undefined &&
    newest.title !== '' &&
    !RESOLVED.test(newest.title) &&
    (newest.atMs === undefined || nowMs - newest.atMs <= FEED_OPEN_WINDOW_MS);
  const component = feed.title === '' ? 'Feed' : feed.title;
  const reading: ComponentReading =
    open && newest !== undefined
      ? {
          component,
          status: statusOf(newest),
          incident: newest.title,
          ...(newest.date === undefined
            ? {}
            : { pageStartedAt: newest.date, pageUpdatedAt: newest.date }),
        }
      : { component, status: 'operational', incident: null };
  return { ok: true, readings: [reading], complete: true };
}

/** The `rss` kind: the configured URL is the feed itself. */
export const rssFormat: PageFormat = {
  body: 'feed',
  endpoint: (baseUrl) => new URL(baseUrl).toString(),
  parse,
};
