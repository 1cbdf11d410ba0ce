/** A uPlot chart of the failure share over the incident window, from `/v1/records`. */
import { h, type ComponentChild } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';

/** Failure share per bucket: `[bucket start (s)…]`, `[share 0..1…]`. */
export type ShareSeries = [number[], number[]];

/** Buckets calls by `bucketMs` and gives each bucket's failed share (a call with `error_type`, `error_class` or a status ≥ 400 failed). */
export function failureShare(
  records: readonly Record<string, unknown>[],
  bucketMs: number,
): ShareSeries {
  const buckets = new Map<number, { calls: number; failed: number }>();
  for (const r of records) {
    const ms = Date.parse(String(r.ts));
    if (Number.isNaN(ms)) continue;
    const key = Math.floor(ms / bucketMs) * bucketMs;
    const b = buckets.get(key) ?? { calls: 0, failed: 0 };
    const classification = r.classification as { layer?: string } | undefined;
    const failed =
      classification?.layer !== undefined
        ? classification.layer !== 'none'
        : typeof r.http_status === 'number' && r.http_status >= 400;
    b.calls += 1;
    if (failed) b.failed += 1;
    buckets.set(key, b);
  }
  const keys = [...buckets.keys()].sort((a, b) => a - b);
  return [
    keys.map((k) => k / 1000),
    keys.map((k) => (buckets.get(k)?.failed ?? 0) / (buckets.get(k)?.calls ?? 1)),
  ];
}

/** The chart; `label` names it for screen readers, which also get the peak in words. */
export function FailureChart(props: { series: ShareSeries; label: string }): ComponentChild {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = box.current;
    if (el === null || props.series[0].length === 0) return undefined;
    const plot = new uPlot(
      {
        width: Math.min(800, el.clientWidth || 800),
        height: 240,
        series: [
          {},
          {
            label: 'failure share',
            stroke: '#b3261e',
            fill: 'rgba(179,38,30,0.15)',
            value: (_u, v) => (v === null ? '—' : `${(v * 100).toFixed(0)}%`),
          },
        ],
        axes: [{}, { values: (_u, ticks) => ticks.map((t) => `${(t * 100).toFixed(0)}%`) }],
        scales: { y: { range: [0, 1] } },
      },
      props.series,
      el,
    );
    return () => plot.destroy();
  }, [props.series]);
  const peak = Math.max(0, ...props.series[1]);
  return h('figure', { class: 'chart' }, [
    h('div', {
      ref: box,
      role: 'img',
      'aria-label': `${props.label}; peak ${(peak * 100).toFixed(0)}% failed`,
    }),
    h(
      'figcaption',
      null,
      props.series[0].length === 0
        ? 'No calls in the incident window.'
        : `${props.label} (peak ${(peak * 100).toFixed(0)}%)`,
    ),
  ]);
}
