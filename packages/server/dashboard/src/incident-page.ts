/** `/incidents/{id}`: timeline, evidence and its facts, chart, affected calls, updates, notifications. */
import { h, type ComponentChild } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { getJson, getRecords, type IncidentDetail } from './api.js';
import { failureShare, FailureChart, type ShareSeries } from './failure-chart.js';
import { clock } from './incident-list.js';
import { affectedCalls, factsList } from './incident-sections.js';
import { liveEvents } from './live-events.js';
import { UpdateEditor } from './update-editor.js';

/** Margin before and after the incident that the chart and call list show. */
const MARGIN_MS = 60_000;

async function windowRecords(i: IncidentDetail): Promise<Record<string, unknown>[]> {
  const from = Date.parse(i.started_at) - MARGIN_MS;
  const to = (i.resolved_at === null ? Date.now() : Date.parse(i.resolved_at)) + MARGIN_MS;
  const q = new URLSearchParams({
    from: new Date(from).toISOString(),
    to: new Date(to).toISOString(),
    limit: '10000',
  });
  if (i.provider !== null) q.set('provider', i.provider);
  return getRecords(q);
}

/** The incident page. */
export function IncidentPage(props: { id: string; admin: boolean }): ComponentChild {
  const [detail, setDetail] = useState<IncidentDetail | undefined>(undefined);
  const [records, setRecords] = useState<Record<string, unknown>[]>([]);
  const [series, setSeries] = useState<ShareSeries>([[], []]);
  const [problem, setProblem] = useState('');
  const reload = (): void => {
    getJson<IncidentDetail>(`/v1/incidents/${encodeURIComponent(props.id)}`)
      .then(async (d) => {
        setDetail(d);
        const rs = await windowRecords(d);
        setRecords(rs);
        setSeries(failureShare(rs, 5000));
      })
      .catch((e: unknown) => setProblem(String(e)));
  };
  useEffect(() => {
    reload();
    return liveEvents(reload);
  }, [props.id]);
  if (detail === undefined)
    return h(
      'p',
      { role: problem === '' ? 'status' : 'alert' },
      problem === '' ? 'Loading…' : problem,
    );
  const d = detail;
  return h('article', { class: 'incident-page' }, [
    h('p', null, h('a', { href: '/' }, '← All incidents')),
    h('h2', null, `${d.id} — ${d.state}`),
    h(
      'p',
      { class: 'verdict' },
      `${d.layer} layer, ${d.reason}; whose move: ${d.owner}. ${d.provider ?? 'All providers'} ${d.models.join(', ')}; ${d.affected_calls} calls affected; since ${clock(d.started_at)}, detected ${clock(d.detected_at)}, resolved ${clock(d.resolved_at)}.`,
    ),
    h('section', { 'aria-labelledby': 'chart-h' }, [
      h('h3', { id: 'chart-h' }, 'Failure share'),
      h(FailureChart, { series, label: 'Share of calls that failed, per 5 s' }),
    ]),
    h('section', { 'aria-labelledby': 'timeline-h' }, [
      h('h3', { id: 'timeline-h' }, 'Timeline'),
      h(
        'ol',
        { class: 'timeline' },
        d.events.map((e) =>
          h(
            'li',
            null,
            e.summary.startsWith(e.kind)
              ? `${clock(e.at)} ${e.summary}`
              : `${clock(e.at)} ${e.kind}: ${e.summary}`,
          ),
        ),
      ),
    ]),
    h('section', { 'aria-labelledby': 'evidence-h' }, [
      h('h3', { id: 'evidence-h' }, 'Evidence'),
      h(
        'ul',
        { class: 'evidence' },
        d.evidence.map((e) =>
          h('li', null, [h('strong', null, e.kind), ` ${e.text}`, factsList(e.facts)]),
        ),
      ),
    ]),
    h('section', { 'aria-labelledby': 'calls-h' }, [
      h('h3', { id: 'calls-h' }, 'Affected calls'),
      affectedCalls(records),
    ]),
    h('section', { 'aria-labelledby': 'updates-h' }, [
      h('h3', { id: 'updates-h' }, 'Drafted updates'),
      ...d.updates.map((u) =>
        h(UpdateEditor, {
          key: `${u.stage}-${u.voice}`,
          incidentId: d.id,
          update: u,
          admin: props.admin,
          onPublished: reload,
        }),
      ),
    ]),
    h('section', { 'aria-labelledby': 'notes-h' }, [
      h('h3', { id: 'notes-h' }, 'Notifications'),
      d.notifications.length === 0
        ? h('p', null, 'None sent.')
        : h(
            'ul',
            null,
            d.notifications.map((n) =>
              h(
                'li',
                null,
                `${clock(n.at)} ${n.channel} ${n.event} (${n.kind}): ${n.outcome} after ${n.attempts} attempt(s)`,
              ),
            ),
          ),
    ]),
  ]);
}
