/** Latency p50/p95 of the incident window's successful calls, with the baseline as a band and the marks. */
import { h, type ComponentChild } from 'preact';
import { useMemo } from 'preact/hooks';
import type uPlot from 'uplot';
import { baseOptions, ChartFrame, TIME_AXIS, Y_AXIS_PX } from './chart-frame.js';
import type { TimeMark } from './chart-marks.js';
import { markPlugin } from './chart-plugin.js';
import { latencySummary, ms } from './chart-summary.js';
import type { LatencyBand } from './incident-baseline.js';
import type { IncidentSeries } from './incident-series.js';

/** The chart: p50 solid, p95 dashed, the band shaded between its dashed edges. */
export function LatencyChart(props: {
  series: IncidentSeries;
  band: LatencyBand | null;
  marks: readonly TimeMark[];
}): ComponentChild {
  const { series: s, band } = props;
  const data = useMemo<uPlot.AlignedData>(() => [s.times, s.p50, s.p95], [s]);
  const build = useMemo(
    () =>
      (width: number): uPlot.Options => {
        const base = baseOptions(width, s.fromMs, s.toMs);
        const top = Math.max(band?.highMs ?? 0, ...s.p95.map((v) => v ?? 0));
        return {
          ...base,
          series: [
            {},
            {
              label: 'p50',
              stroke: '#0b4f9c',
              width: 2,
              value: (_u, v) => (v === null ? '—' : ms(v)),
            },
            {
              label: 'p95',
              stroke: '#b3261e',
              dash: [8, 4],
              width: 2,
              value: (_u, v) => (v === null ? '—' : ms(v)),
            },
          ],
          axes: [TIME_AXIS, { size: Y_AXIS_PX, values: (_u, ticks) => ticks.map(ms) }],
          scales: { ...base.scales, y: { range: [0, top * 1.15 || 1] } },
          plugins: [
            markPlugin({
              marks: props.marks,
              band: band === null ? null : { low: band.lowMs, high: band.highMs },
            }),
          ],
        };
      },
    [s, band, props.marks],
  );
  const points = s.p95.filter((v) => v !== null).length;
  return h(ChartFrame, {
    name: 'latency',
    summary: latencySummary(s, band),
    data,
    build,
    seriesWithData: points === 0 ? 0 : 2,
  });
}
