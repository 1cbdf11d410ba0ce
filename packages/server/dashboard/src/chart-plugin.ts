/** A uPlot plugin drawing the incident's marks: labelled vertical lines, probe shapes, a latency band. */
import uPlot from 'uplot';
import type { TimeMark } from './chart-marks.js';
import type { ProbePoint } from './incident-series.js';

/** Line colour and dash per mark style: the dash and the label tell them apart, not the colour alone. */
const LOOK: Record<TimeMark['style'], { color: string; dash: number[]; width: number }> = {
  incident: { color: '#111111', dash: [], width: 2 },
  page: { color: '#6a1b9a', dash: [8, 4], width: 2 },
  claim: { color: '#6a1b9a', dash: [2, 3], width: 1.5 },
  event: { color: '#00695c', dash: [8, 3, 2, 3], width: 1.5 },
};

/** What the plugin draws; `band` is a latency range in the y scale's units. */
export interface MarkLayer {
  readonly marks: readonly TimeMark[];
  readonly probes?: readonly ProbePoint[];
  readonly band?: { readonly low: number; readonly high: number } | null;
}

function drawMarks(u: uPlot, marks: readonly TimeMark[]): void {
  const ctx = u.ctx;
  const r = uPlot.pxRatio;
  const { top, height } = u.bbox;
  ctx.save();
  ctx.font = `${Math.round(11 * r)}px system-ui, sans-serif`;
  ctx.textBaseline = 'top';
  // uPlot leaves the alignment of its last axis label set.
  ctx.textAlign = 'left';
  const rowsEnd: number[] = [];
  for (const m of marks) {
    const x = Math.round(u.valToPos(m.atMs / 1000, 'x', true));
    const look = LOOK[m.style];
    ctx.strokeStyle = look.color;
    ctx.lineWidth = look.width * r;
    ctx.setLineDash(look.dash.map((d) => d * r));
    ctx.beginPath();
    ctx.moveTo(x, top);
    ctx.lineTo(x, top + height);
    ctx.stroke();
    // Labels stack in rows so that close marks (detected just after started) stay readable; a label
    // that would leave the plot goes left of its line.
    const w = ctx.measureText(m.label).width + 6 * r;
    const left = x + w + 2 * r > u.bbox.left + u.bbox.width ? x - w - 2 * r : x + 2 * r;
    let row = rowsEnd.findIndex((end) => end < left);
    if (row === -1) row = rowsEnd.length;
    rowsEnd[row] = left + w;
    const y = top + (2 + row * 14) * r;
    ctx.fillStyle = 'rgba(255,255,255,0.85)';
    ctx.fillRect(left, y, w, 13 * r);
    ctx.fillStyle = look.color;
    ctx.fillText(m.label, left + 3 * r, y + r);
  }
  ctx.restore();
}

function drawProbes(u: uPlot, probes: readonly ProbePoint[]): void {
  const ctx = u.ctx;
  const r = uPlot.pxRatio;
  const y = u.bbox.top + u.bbox.height - 9 * r;
  const s = 5 * r;
  ctx.save();
  ctx.lineWidth = 1.5 * r;
  for (const p of probes) {
    const x = u.valToPos(p.atMs / 1000, 'x', true);
    ctx.beginPath();
    if (p.ok) {
      // An ok probe: a hollow circle.
      ctx.strokeStyle = '#1b5e20';
      ctx.arc(x, y, s * 0.8, 0, 2 * Math.PI);
      ctx.stroke();
    } else {
      // A failed probe: a filled triangle.
      ctx.fillStyle = '#b3261e';
      ctx.moveTo(x, y - s);
      ctx.lineTo(x + s, y + s * 0.8);
      ctx.lineTo(x - s, y + s * 0.8);
      ctx.closePath();
      ctx.fill();
    }
  }
  ctx.restore();
}

function drawBand(u: uPlot, band: { low: number; high: number }): void {
  const ctx = u.ctx;
  const { left, width } = u.bbox;
  const yHigh = u.valToPos(band.high, 'y', true);
  const yLow = u.valToPos(band.low, 'y', true);
  ctx.save();
  ctx.fillStyle = 'rgba(11,79,156,0.14)';
  ctx.fillRect(left, yHigh, width, Math.max(uPlot.pxRatio, yLow - yHigh));
  ctx.strokeStyle = 'rgba(11,79,156,0.6)';
  ctx.setLineDash([4 * uPlot.pxRatio, 4 * uPlot.pxRatio]);
  ctx.lineWidth = uPlot.pxRatio;
  for (const y of [yHigh, yLow]) {
    ctx.beginPath();
    ctx.moveTo(left, y);
    ctx.lineTo(left + width, y);
    ctx.stroke();
  }
  ctx.restore();
}

/** The plugin: the band under the series, marks and probes over them. */
export function markPlugin(layer: MarkLayer): uPlot.Plugin {
  return {
    hooks: {
      drawAxes: [(u) => (layer.band == null ? undefined : drawBand(u, layer.band))],
      draw: [
        (u) => {
          drawMarks(u, layer.marks);
          if (layer.probes !== undefined) drawProbes(u, layer.probes);
        },
      ],
    },
  };
}
