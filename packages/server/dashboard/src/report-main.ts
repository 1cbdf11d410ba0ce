/**
 * The entry of a `faultline report` file: the dashboard's incident list and incident page,
 * read-only, on the data embedded in the page, with hash routes (it is opened from `file://`).
 */
import { h, render, type ComponentChild } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { clock, IncidentList } from './incident-list.js';
import { IncidentPage } from './incident-page.js';
import { reportData, type ReportData } from './report-data.js';
import { interceptLinks } from './report-links.js';
import { routeOf } from './report-routes.js';
import './style.css';

function count(n: number): string {
  return n.toLocaleString('en-US');
}

/** `2026-11-18 13:46:00 UTC`. */
function day(at: string): string {
  return `${at.slice(0, 10)} ${clock(at)}`;
}

/** What the report covers, in words. */
function Summary(props: { data: ReportData }): ComponentChild {
  const d = props.data;
  const span = d.from === null ? 'no records' : `from ${day(d.from)} to ${day(d.to ?? d.from)}`;
  return h(
    'p',
    { class: 'report-summary' },
    `Offline replay of ${d.source === '-' ? 'standard input' : d.source}: ${count(d.records)} records ${span}` +
      `${d.bad_records > 0 ? `, ${count(d.bad_records)} bad lines skipped` : ''}; ` +
      `report made ${day(d.generated_at)}. Read-only.`,
  );
}

/** The sampling note of one incident's window, when the cap was reached. */
function WindowNote(props: { data: ReportData; id: string }): ComponentChild {
  const w = props.data.windows[props.id];
  if (w === undefined) return null;
  const sampled = w.calls.kept < w.calls.seen || w.status.kept < w.status.seen;
  return h(
    'p',
    { class: 'report-window', id: 'report-window' },
    `Records from ${clock(w.from)} to ${clock(w.to)} (the incident and a margin each side): ` +
      `${count(w.calls.kept)} of ${count(w.calls.seen)} calls and ${count(w.status.kept)} of ` +
      `${count(w.status.seen)} status readings in this file` +
      (sampled
        ? `, sampled evenly: at most ${count(w.cap)} of each are kept per incident.`
        : ' (all of them).'),
  );
}

function ReportApp(props: { data: ReportData }): ComponentChild {
  const [hash, setHash] = useState(window.location.hash);
  useEffect(() => {
    const onHash = (): void => {
      setHash(window.location.hash);
      window.scrollTo(0, 0);
    };
    window.addEventListener('hashchange', onHash);
    const undo = interceptLinks(document);
    return () => {
      window.removeEventListener('hashchange', onHash);
      undo();
    };
  }, []);
  const route = routeOf(hash);
  useEffect(() => {
    document.title =
      route.page === 'incident' ? `${route.id} — Faultline report` : 'Faultline report';
  }, [hash]);
  const d = props.data;
  const page =
    route.page === 'incident'
      ? [
          h(WindowNote, { data: d, id: route.id }),
          h(IncidentPage, { key: route.id, id: route.id, admin: false }),
        ]
      : h('section', { 'aria-labelledby': 'list-h' }, [
          h('h2', { id: 'list-h' }, 'Incidents'),
          h(IncidentList, { incidents: d.incidents }),
        ]);
  return h('div', null, [
    h('header', null, h('h1', null, h('a', { href: '/' }, 'Faultline report'))),
    h('main', { id: 'main' }, [h(Summary, { data: d }), page]),
  ]);
}

const root = document.getElementById('app');
const data = reportData();
if (root !== null) {
  root.textContent = '';
  render(
    data === undefined
      ? h('main', { id: 'main' }, h('p', { role: 'alert' }, 'This report holds no data.'))
      : h(ReportApp, { data }),
    root,
  );
}
