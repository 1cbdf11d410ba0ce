/** The incident page's charts: failure share and latency on one time axis, the page's lag in words, a key. */
import { h, type ComponentChild } from 'preact';
import { useMemo } from 'preact/hooks';
import type { IncidentDetail } from './api.js';
import { incidentMarks } from './chart-marks.js';
import { FailureChart } from './failure-chart.js';
import { latencyBand } from './incident-baseline.js';
import { lagSentence } from './incident-lag.js';
import { clock } from './incident-list.js';
import { incidentSeries } from './incident-series.js';
import { LatencyChart } from './latency-chart.js';

/** What the page fetched: the window's calls (probes included) and status readings. */
export interface WindowData {
  readonly fromMs: number;
  readonly toMs: number;
  readonly calls: readonly Record<string, unknown>[];
  readonly status: readonly Record<string, unknown>[];
  /** The calls query hit its limit: the charts show only the first calls. */
  readonly truncated: boolean;
}

const at = (ms: number): string => clock(new Date(ms).toISOString());

/** The charts section. */
export function IncidentCharts(props: {
  detail: IncidentDetail;
  data: WindowData;
}): ComponentChild {
  const { detail: d, data } = props;
  const series = useMemo(
    () => incidentSeries([...data.calls, ...data.status], data.fromMs, data.toMs),
    [data],
  );
  const marks = useMemo(() => incidentMarks(d, series), [d, series]);
  const band = useMemo(
    () => latencyBand(d.evidence, data.calls, Date.parse(d.started_at)),
    [d, data],
  );
  const lag = lagSentence(series.status, {
    startedMs: Date.parse(d.started_at),
    detectedMs: Date.parse(d.detected_at),
    provider: d.provider,
  });
  const failed = series.probes.filter((p) => !p.ok).length;
  return h('div', { class: 'charts' }, [
    data.truncated
      ? h('p', { role: 'note' }, "Only 10,000 of the window's calls are charted.")
      : null,
    h(FailureChart, { series, marks, lag }),
    h(LatencyChart, { series, band, marks }),
    h('ul', { class: 'chart-key', 'aria-label': 'Marks on the charts' }, [
      ...marks.map((m) =>
        h('li', { class: `mark ${m.style}`, 'data-style': m.style }, `${at(m.atMs)} ${m.label}`),
      ),
      h('li', { class: 'mark probe-ok' }, `○ probe ok (${series.probes.length - failed})`),
      h('li', { class: 'mark probe-failed' }, `▲ probe failed (${failed})`),
      band === null ? null : h('li', { class: 'mark band' }, `shaded band: ${band.label}`),
    ]),
  ]);
}
