/**
 * `/status` as one server-rendered HTML document: no script, one inline stylesheet, headings and
 * lists a screen reader can walk, and every untrusted string escaped.
 */
import { escapeHtml } from './escape-markup.js';
import { PAGE_STYLE } from './page-style.js';
import type { StatusPageModel } from './page-model.js';
import { componentsHtml } from './render-components-html.js';
import { incidentsHtml, timeHtml } from './render-incidents-html.js';

/** Where the page's feed and JSON live, relative to the site root (server-api.md, Pages). */
export const FEED_PATH = '/status/feed.atom';
export const SUMMARY_PATH = '/status/summary.json';

/**
 * The page's HTML.
 *
 * @example
 * res.end(renderStatusHtml(buildStatusPage(input)));
 */
export function renderStatusHtml(model: StatusPageModel): string {
  const title = escapeHtml(model.title);
  return [
    '<!doctype html>',
    '<html lang="en"><head><meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${title}</title>`,
    `<link rel="alternate" type="application/atom+xml" title="${title}: updates" href="${FEED_PATH}">`,
    `<style>${PAGE_STYLE}</style>`,
    '</head><body>',
    `<header><h1>${title}</h1>`,
    `<p class="overall ${model.indicator}" role="status">${escapeHtml(model.description)}</p></header>`,
    '<main>',
    componentsHtml(model.components),
    incidentsHtml(
      'Current incidents',
      'current-title',
      model.current,
      model.components,
      'No current incidents.',
    ),
    incidentsHtml(
      'Past incidents (last 90 days)',
      'past-title',
      model.past,
      model.components,
      'No resolved incidents in the last 90 days.',
    ),
    '</main>',
    `<footer><p>Last change ${timeHtml(model.updatedAtMs)}. Times are UTC. `,
    `Follow updates with the <a href="${FEED_PATH}">Atom feed</a>, `,
    `or read <a href="${SUMMARY_PATH}">summary.json</a> (Statuspage v2 format).</p></footer>`,
    '</body></html>',
  ].join('\n');
}
