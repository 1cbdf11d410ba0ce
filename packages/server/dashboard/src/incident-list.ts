/** The incident list: newest first, each linking to its page. */
import { h, type ComponentChild } from 'preact';
import type { Incident } from './api.js';

/** Formats an RFC 3339 time as `HH:MM:SS UTC`, the way the CLI prints it. */
export function clock(at: string | null): string {
  return at === null ? '—' : `${at.slice(11, 19)} UTC`;
}

/** The list of incidents. */
export function IncidentList(props: { incidents: readonly Incident[] }): ComponentChild {
  if (props.incidents.length === 0) return h('p', { id: 'no-incidents' }, 'No incidents.');
  return h(
    'ul',
    { class: 'incidents', 'aria-label': 'Incidents' },
    props.incidents.map((i) =>
      h('li', { key: i.id, class: `incident ${i.state}` }, [
        h('a', { href: `/incidents/${encodeURIComponent(i.id)}` }, i.id),
        ` — ${i.state}, ${i.layer} layer (${i.reason}), ${i.provider ?? 'all providers'}`,
        i.models.length > 0 ? ` ${i.models.join(', ')}` : '',
        `, since ${clock(i.started_at)}`,
      ]),
    ),
  );
}
