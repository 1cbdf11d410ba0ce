/** Parts of the incident page: an evidence item's facts and the table of affected calls. */
import { h, type ComponentChild } from 'preact';
import { tableScroll } from './table-scroll.js';

/** An evidence item's facts as a definition list (diagnosis.md, `evidence[].facts`). */
export function factsList(facts: Readonly<Record<string, unknown>> | undefined): ComponentChild {
  if (facts === undefined) return null;
  return h(
    'dl',
    { class: 'facts' },
    Object.entries(facts).flatMap(([k, v]) => [
      h('dt', null, k),
      h('dd', null, typeof v === 'string' ? v : JSON.stringify(v)),
    ]),
  );
}

/** The latest failed calls of the incident window; every field shown as text. */
export function affectedCalls(records: readonly Record<string, unknown>[]): ComponentChild {
  const failed = records
    .filter((r) => (r.classification as { layer?: string } | undefined)?.layer !== 'none')
    .slice(-20);
  const table = h('table', { class: 'calls' }, [
    h('caption', { id: 'calls-caption' }, 'Latest affected calls'),
    h(
      'thead',
      null,
      h(
        'tr',
        null,
        ['Time', 'Model', 'Status', 'Error type', 'Message'].map((c) =>
          h('th', { scope: 'col' }, c),
        ),
      ),
    ),
    h(
      'tbody',
      null,
      failed.map((r) =>
        h(
          'tr',
          null,
          [r.ts, r.model, r.http_status, r.error_type, r.error_message].map((v) =>
            h('td', null, cellText(v)),
          ),
        ),
      ),
    ),
  ]);
  return tableScroll('calls-caption', table);
}

/** A record field as plain text: strings as they are, numbers printed, anything else as JSON. */
function cellText(v: unknown): string {
  if (v === undefined || v === null) return '';
  return typeof v === 'string' ? v : JSON.stringify(v);
}
