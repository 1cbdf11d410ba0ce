/** History from the per-minute rollups (`GET /v1/history`): calls and failure share, 6 h to 90 days. */
import { h, type ComponentChild } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { getJson } from './api.js';
import { fitWidth } from './chart-frame.js';

interface HistoryPoint {
  readonly t: string;
  readonly calls: number;
  readonly failure_share: number | null;
  readonly p95_ms: number | null;
}

const RANGES = [
  { label: '6 hours', ms: 6 * 3_600_000 },
  { label: '24 hours', ms: 86_400_000 },
  { label: '7 days', ms: 7 * 86_400_000 },
  { label: '90 days', ms: 90 * 86_400_000 },
] as const;

type Series = [number[], (number | null)[], number[]];

function toSeries(points: readonly HistoryPoint[]): Series {
  return [
    points.map((p) => Date.parse(p.t) / 1000),
    points.map((p) => p.failure_share),
    points.map((p) => p.calls),
  ];
}

/** Words for screen readers and for anyone who does not read charts. */
function summary(points: readonly HistoryPoint[], range: string): string {
  const calls = points.reduce((n, p) => n + p.calls, 0);
  const worst = points.reduce<HistoryPoint | undefined>(
    (w, p) => ((p.failure_share ?? 0) > (w?.failure_share ?? 0) ? p : w),
    undefined,
  );
  if (calls === 0) return `No calls in the last ${range}.`;
  const peak =
    worst === undefined
      ? 'no failures'
      : `worst ${((worst.failure_share ?? 0) * 100).toFixed(0)}% failed at ${new Date(worst.t).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
  return `${calls.toLocaleString('en')} calls in the last ${range}; ${peak}.`;
}

/** The history section of the front page. */
export function HistoryChart(): ComponentChild {
  const [range, setRange] = useState<(typeof RANGES)[number]>(RANGES[1]);
  const [points, setPoints] = useState<readonly HistoryPoint[] | undefined>(undefined);
  const [problem, setProblem] = useState('');
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const from = new Date(Date.now() - range.ms).toISOString();
    getJson<{ series: HistoryPoint[] }>(`/v1/history?from=${encodeURIComponent(from)}`).then(
      (d) => {
        setPoints(d.series);
        setProblem('');
      },
      (e: unknown) => setProblem(String(e)),
    );
  }, [range]);
  useEffect(() => {
    const el = box.current;
    if (el === null || points === undefined || points.length === 0) return undefined;
    const width = (): number => Math.min(800, el.clientWidth || 800);
    const plot = new uPlot(
      {
        width: width(),
        height: 180,
        series: [
          {},
          {
            label: 'failure share',
            stroke: '#b3261e',
            scale: 'share',
            value: (_u, v) => (v === null ? '—' : `${(v * 100).toFixed(1)}%`),
          },
          { label: 'calls', stroke: '#1f5fa8', dash: [4, 3], scale: 'calls' },
        ],
        axes: [
          {},
          { scale: 'share', values: (_u, ticks) => ticks.map((t) => `${(t * 100).toFixed(0)}%`) },
          { scale: 'calls', side: 1, grid: { show: false } },
        ],
        scales: { share: { range: [0, 1] } },
      },
      toSeries(points),
      el,
    );
    return fitWidth(el, plot, width, 180);
  }, [points]);
  return h('section', { 'aria-labelledby': 'history-h' }, [
    h('h2', { id: 'history-h' }, 'History'),
    h(
      'div',
      { role: 'group', 'aria-label': 'Time range' },
      RANGES.map((r) =>
        h(
          'button',
          { type: 'button', 'aria-pressed': r === range, onClick: () => setRange(r) },
          r.label,
        ),
      ),
    ),
    problem !== ''
      ? h('p', { role: 'alert' }, `History is not available: ${problem}`)
      : h('figure', { class: 'chart' }, [
          h('div', {
            ref: box,
            role: 'img',
            'aria-label': points === undefined ? 'Loading history' : summary(points, range.label),
          }),
          h('figcaption', null, points === undefined ? 'Loading…' : summary(points, range.label)),
        ]),
  ]);
}
