/** `/incidents/{id}`: timeline, charts, evidence and its facts, affected calls, updates, notifications. */
import { h, type ComponentChild } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { getJson, getRecords, type IncidentDetail } from './api.js';
import { IncidentCharts, type WindowData } from './incident-charts.js';
import { clock } from './incident-list.js';
import { affectedCalls, factsList } from './incident-sections.js';
import { incidentWindow, STATUS_LOOKBACK_MS } from './incident-window.js';
import { liveEvents } from './live-events.js';
import { Timeline } from './incident-timeline.js';
import { UpdateEditor } from './update-editor.js';

/** Most records one `/v1/records` answer holds (server-api.md). */
const LIMIT = 10_000;

function query(
  fromMs: number,
  toMs: number,
  provider: string | null,
  kind: string,
): URLSearchParams {
  const q = new URLSearchParams({
    from: new Date(fromMs).toISOString(),
    to: new Date(toMs).toISOString(),
    limit: String(LIMIT),
    kind,
  });
  if (provider !== null) q.set('provider', provider);
  return q;
}

/** The window's calls (probes among them) and the status readings that tell the page's state in it. */
async function windowData(i: IncidentDetail): Promise<WindowData> {
  const { fromMs, toMs } = incidentWindow(i, Date.now());
  const [calls, status] = await Promise.all([
    getRecords(query(fromMs, toMs, i.provider, 'call')),
    getRecords(query(fromMs - STATUS_LOOKBACK_MS, toMs, i.provider, 'status')),
  ]);
  return { fromMs, toMs, calls, status, truncated: calls.length >= LIMIT };
}

/** The incident page. */
export function IncidentPage(props: { id: string; admin: boolean }): ComponentChild {
  const [detail, setDetail] = useState<IncidentDetail | undefined>(undefined);
  const [data, setData] = useState<WindowData | undefined>(undefined);
  const [problem, setProblem] = useState('');
  const reload = (): void => {
    getJson<IncidentDetail>(`/v1/incidents/${encodeURIComponent(props.id)}`)
      .then(async (d) => {
        setDetail(d);
        setData(await windowData(d));
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
      h('h3', { id: 'chart-h' }, 'Failure share, latency, status page and probes'),
      data === undefined
        ? h('p', { role: 'status' }, 'Loading the calls…')
        : h(IncidentCharts, { detail: d, data }),
    ]),
    h('section', { 'aria-labelledby': 'timeline-h' }, [
      h('h3', { id: 'timeline-h' }, 'Timeline'),
      h(Timeline, { detail: d, status: data?.status ?? [] }),
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
      affectedCalls(data?.calls ?? []),
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
