/** The components section of `/status`: each component's state in words and its 90-day bar. */
import { escapeHtml } from './escape-markup.js';
import {
  DAY_WORDS,
  STATE_WORDS,
  type ComponentView,
  type DayLevel,
  type HistoryDay,
} from './page-model.js';

/** A glyph beside the words, so the state reads without colour too (hidden from screen readers). */
const GLYPHS: Readonly<Record<ComponentView['state'], string>> = {
  operational: '✓',
  degraded_performance: '!',
  partial_outage: '!',
  major_outage: '✕',
};

function historySummary(history: readonly HistoryDay[]): string {
  const n = (level: DayLevel): number => history.filter((d) => d.level === level).length;
  const outage = n('outage');
  const degraded = n('degraded');
  const days = (k: number): string => `${k} ${k === 1 ? 'day' : 'days'}`;
  if (outage + degraded === 0) return `No incidents in the last ${history.length} days.`;
  return `Last ${history.length} days: ${days(outage)} with an outage, ${days(degraded)} degraded, ${days(n('operational'))} without incidents.`;
}

function bars(c: ComponentView): string {
  const days = c.history
    .map((d) => {
      const words = `${d.date}: ${DAY_WORDS[d.level]}`;
      return `<li class="day-${d.level}" title="${words}"><span class="sr">${words}</span></li>`;
    })
    .join('');
  return `<ol class="bars" aria-label="Daily history of ${escapeHtml(c.name)}, oldest first">${days}</ol>`;
}

function component(c: ComponentView): string {
  const name = escapeHtml(c.name);
  return [
    `<li id="component-${escapeHtml(c.id)}">`,
    `<h3>${name}</h3>`,
    `<p class="state ${c.state}"><span aria-hidden="true">${GLYPHS[c.state]} </span>${STATE_WORDS[c.state]}</p>`,
    `<p class="meta">${historySummary(c.history)}</p>`,
    bars(c),
    '</li>',
  ].join('');
}

/** The section, or a sentence when there is nothing to show yet. */
export function componentsHtml(components: readonly ComponentView[]): string {
  const body =
    components.length === 0
      ? '<p>No components yet: they appear once the service has seen traffic.</p>'
      : `<ul class="components">${components.map(component).join('')}</ul>` +
        '<p class="legend">Each bar is one day (UTC): short for no incidents, taller for degraded, full height for an outage.</p>';
  return `<section aria-labelledby="components-title"><h2 id="components-title">Components</h2>${body}</section>`;
}
