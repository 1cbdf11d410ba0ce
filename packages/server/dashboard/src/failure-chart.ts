/** The failure share per layer over the incident window, with the incident's marks and probe results. */
import { h, type ComponentChild } from 'preact';
import { useMemo } from 'preact/hooks';
import type uPlot from 'uplot';
import { baseOptions, ChartFrame, TIME_AXIS, Y_AXIS_PX } from './chart-frame.js';
import type { TimeMark } from './chart-marks.js';
import { markPlugin } from './chart-plugin.js';
import { failingLayers, failureSummary, pct } from './chart-summary.js';
import type { FailureLayer, IncidentSeries } from './incident-series.js';

/** Colour and dash per layer: lines differ in dash as well as colour. */
const LAYER_LOOK: Record<FailureLayer, { stroke: string; dash: number[] }> = {
  integration: { stroke: '#7a4a00', dash: [2, 3] },
  network: { stroke: '#0b4f9c', dash: [8, 4] },
  provider: { stroke: '#b3261e', dash: [] },
  model: { stroke: '#4a148c', dash: [8, 3, 2, 3] },
};

/** The chart (lines per failing layer; probes as ○ ok / ▲ failed along the bottom). */
export function FailureChart(props: {
  series: IncidentSeries;
  marks: readonly TimeMark[];
  /** The status page's lag in words, appended to the summary. */
  lag: string;
}): ComponentChild {
  const s = props.series;
  const failing = failingLayers(s);
  // With no failure in the window, one flat line still shows that calls were seen.
  const layers: FailureLayer[] = failing.length === 0 ? ['provider'] : failing;
  const data = useMemo<uPlot.AlignedData>(() => [s.times, ...layers.map((l) => s.share[l])], [s]);
  const build = useMemo(
    () =>
      (width: number): uPlot.Options => ({
        ...baseOptions(width, s.fromMs, s.toMs),
        series: [
          {},
          ...layers.map((l) => ({
            label: `${l} layer`,
            stroke: LAYER_LOOK[l].stroke,
            dash: LAYER_LOOK[l].dash,
            width: 2,
            value: (_u: uPlot, v: number | null) => (v === null ? '—' : pct(v)),
          })),
        ],
        axes: [TIME_AXIS, { size: Y_AXIS_PX, values: (_u, ticks) => ticks.map(pct) }],
        scales: { ...baseOptions(width, s.fromMs, s.toMs).scales, y: { range: [0, 1] } },
        plugins: [markPlugin({ marks: props.marks, probes: s.probes })],
      }),
    [s, props.marks],
  );
  return h(ChartFrame, {
    name: 'failure-share',
    summary: `${failureSummary(s)} ${props.lag}`,
    data,
    build,
    seriesWithData:
      s.calls.some((c) => c > 0) || s.probes.length > 0 ? Math.max(1, layers.length) : 0,
  });
}
