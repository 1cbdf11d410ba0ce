/** A uPlot chart in a figure: the canvas for eyes, the summary sentence for everyone (figcaption, aria-label). */
import { h, type ComponentChild } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';

/** Cursors of the incident's charts move together. */
export const SYNC_KEY = 'incident';

/** Width of every chart's y axis, so that the charts' time axes line up. */
export const Y_AXIS_PX = 64;

/** Tick labels in UTC, `HH:MM` (with seconds when the ticks are closer than a minute). */
function utcTicks(
  _u: uPlot,
  ticks: number[],
  _axis: number,
  _space: number,
  incr: number,
): string[] {
  const end = incr < 60 ? 19 : 16;
  return ticks.map((t) => new Date(t * 1000).toISOString().slice(11, end));
}

/** The x axis: UTC clock labels. */
export const TIME_AXIS: uPlot.Axis = { values: utcTicks, label: 'UTC', labelSize: 18 };

/** Options every incident chart shares: UTC time axis over the window, synced cursor. */
export function baseOptions(
  width: number,
  fromMs: number,
  toMs: number,
): Pick<uPlot.Options, 'width' | 'height' | 'tzDate' | 'cursor'> & {
  scales: { x: uPlot.Scale };
} {
  return {
    width,
    height: 260,
    tzDate: (ts) => uPlot.tzDate(new Date(ts * 1000), 'Etc/UTC'),
    cursor: { sync: { key: SYNC_KEY } },
    scales: { x: { time: true, range: [fromMs / 1000, toMs / 1000] } },
  };
}

/**
 * Keeps a chart as wide as its box (a narrow or zoomed window must not scroll the page sideways);
 * the cleanup it returns stops watching and destroys the chart.
 */
export function fitWidth(
  el: HTMLElement,
  plot: uPlot,
  width: () => number,
  height: number,
): () => void {
  const fit = new ResizeObserver(() => {
    if (width() !== plot.width) plot.setSize({ width: width(), height });
  });
  fit.observe(el);
  return () => {
    fit.disconnect();
    plot.destroy();
  };
}

/** Props of {@link ChartFrame}: `build` makes the options for the box's width. */
export interface ChartFrameProps {
  readonly name: string;
  readonly summary: string;
  readonly data: uPlot.AlignedData;
  readonly build: (width: number) => uPlot.Options;
  /** How many drawn series carry data (for tests and tools reading the page). */
  readonly seriesWithData: number;
}

/** The figure; draws nothing but the summary when there is no data. */
export function ChartFrame(props: ChartFrameProps): ComponentChild {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = box.current;
    if (el === null || props.seriesWithData === 0) return undefined;
    const width = (): number => Math.min(1000, el.clientWidth || 800);
    const opts = props.build(width());
    const plot = new uPlot(opts, props.data, el);
    return fitWidth(el, plot, width, opts.height);
  }, [props.data, props.build]);
  return h(
    'figure',
    { class: 'chart', 'data-chart': props.name, 'data-series': props.seriesWithData },
    [
      h('div', { ref: box, role: 'img', 'aria-label': props.summary }),
      h('figcaption', null, props.summary),
    ],
  );
}
