/** The incident sections of `/status`: each incident with its published updates, newest first. */
import { escapeHtml } from './escape-markup.js';
import type { ComponentView, PublicIncident, PublicStage } from './page-model.js';

/** The stage as the page names it. */
export const STAGE_WORDS: Readonly<Record<PublicStage, string>> = {
  investigating: 'Investigating',
  identified: 'Identified',
  monitoring: 'Monitoring',
  resolved: 'Resolved',
};

/** `<time>` with the machine value and "2026-11-22 04:12 UTC" for people. */
export function timeHtml(ms: number): string {
  const iso = new Date(ms).toISOString();
  return `<time datetime="${iso}">${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC</time>`;
}

function affected(i: PublicIncident, components: readonly ComponentView[]): string {
  const names = components.filter((c) => i.componentIds.includes(c.id)).map((c) => c.name);
  if (names.length === 0) return '';
  return `<p class="meta">Affects: ${names.map(escapeHtml).join(', ')}</p>`;
}

function incident(i: PublicIncident, components: readonly ComponentView[]): string {
  const span =
    i.endedAtMs === null
      ? `Since ${timeHtml(i.startedAtMs)}`
      : `From ${timeHtml(i.startedAtMs)} to ${timeHtml(i.endedAtMs)}`;
  const updates = i.updates
    .map(
      (u) =>
        `<li><p class="meta"><strong>${STAGE_WORDS[u.stage]}</strong> · ${timeHtml(u.publishedAtMs)}</p>` +
        `<p class="text">${escapeHtml(u.text)}</p></li>`,
    )
    .join('');
  return [
    `<li><article id="incident-${escapeHtml(i.id)}" aria-labelledby="incident-${escapeHtml(i.id)}-title">`,
    `<h3 id="incident-${escapeHtml(i.id)}-title">${escapeHtml(i.name)}</h3>`,
    `<p class="meta">Status: ${STAGE_WORDS[i.status]}. ${span}.</p>`,
    affected(i, components),
    `<h4 class="sr">Updates</h4><ol class="updates">${updates}</ol>`,
    '</article></li>',
  ].join('');
}

/** One section of incidents, or `empty` as a sentence when there are none. */
export function incidentsHtml(
  heading: string,
  slug: string,
  incidents: readonly PublicIncident[],
  components: readonly ComponentView[],
  empty: string,
): string {
  const body =
    incidents.length === 0
      ? `<p>${escapeHtml(empty)}</p>`
      : `<ol class="incidents">${incidents.map((i) => incident(i, components)).join('')}</ol>`;
  return `<section aria-labelledby="${slug}"><h2 id="${slug}">${escapeHtml(heading)}</h2>${body}</section>`;
}
