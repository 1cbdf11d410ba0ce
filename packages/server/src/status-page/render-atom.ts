/**
 * `/status/feed.atom`: the published updates as an Atom 1.0 feed (RFC 4287), newest first, one
 * entry per update. Every text is XML-escaped; ids are `urn:uuid:` URIs derived from the incident
 * and stage, so an entry keeps its id across requests (RFC 4287 §4.2.6).
 */
import { createHash } from 'node:crypto';
import { escapeXml } from './escape-markup.js';
import type { PublicIncident, StatusPageModel } from './page-model.js';
import { FEED_PATH } from './render-html.js';
import { STAGE_WORDS } from './render-incidents-html.js';

/** The newest updates the feed carries. */
export const MAX_FEED_ENTRIES = 50;

/** A name-based UUID (version 5 layout, RFC 9562 §5.5) over sha256 of `name`. */
export function uuidUrn(name: string): string {
  const h = createHash('sha256').update(name).digest('hex');
  const variant = ((parseInt(h.slice(16, 17), 16) & 0x3) | 0x8).toString(16);
  return `urn:uuid:${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

function iso(ms: number): string {
  return new Date(ms).toISOString();
}

function entries(incidents: readonly PublicIncident[], origin: string): string[] {
  return incidents
    .flatMap((i) => i.updates.map((u) => ({ i, u })))
    .sort((a, b) => b.u.publishedAtMs - a.u.publishedAtMs)
    .slice(0, MAX_FEED_ENTRIES)
    .map(({ i, u }) => {
      const href = `${origin}/status#incident-${encodeURIComponent(i.id)}`;
      return [
        '<entry>',
        `<id>${uuidUrn(`faultline:${i.id}:${u.stage}`)}</id>`,
        `<title type="text">${escapeXml(`${STAGE_WORDS[u.stage]}: ${i.name}`)}</title>`,
        `<updated>${iso(u.publishedAtMs)}</updated>`,
        `<published>${iso(u.publishedAtMs)}</published>`,
        `<link rel="alternate" type="text/html" href="${escapeXml(href)}"/>`,
        `<content type="text">${escapeXml(u.text)}</content>`,
        '</entry>',
      ].join('');
    });
}

/**
 * The feed's XML. `origin` (`http://host:port`, or `""` for relative links) prefixes its links.
 *
 * @example
 * res.end(renderAtom(model, 'http://127.0.0.1:7600'));
 */
export function renderAtom(model: StatusPageModel, origin: string): string {
  const title = escapeXml(model.title);
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom">',
    `<id>${uuidUrn(`faultline:status:${model.title}`)}</id>`,
    `<title type="text">${title}</title>`,
    `<updated>${iso(model.updatedAtMs)}</updated>`,
    `<author><name>${title}</name></author>`,
    `<link rel="self" type="application/atom+xml" href="${escapeXml(origin + FEED_PATH)}"/>`,
    `<link rel="alternate" type="text/html" href="${escapeXml(`${origin}/status`)}"/>`,
    ...entries([...model.current, ...model.past], origin),
    '</feed>',
  ].join('\n');
}
