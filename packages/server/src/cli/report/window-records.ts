/**
 * The records around each incident, for a report's charts and tables: a second read of the
 * input keeps, per incident, the calls of the window the incident page shows and the status
 * readings from well before it (of its provider, or of all for a global incident), each kind
 * sampled evenly past a cap, and gives back their union by time.
 */
import { isBlankLine, isStatusObservation, parseRecordLine } from '@faultline/core';
import { createProgress } from '../../io/progress.js';
import { openSource, readLines } from '../../io/read-lines.js';
import { EvenSample } from './even-sample.js';
import { reportFields } from './report-fields.js';

// The incident page's window (dashboard/src/incident-window.ts): a quarter of the incident's
// length each side, from 1 to 10 minutes; status readings from 6 hours before, as they are
// written on change and the page needs the state the window starts in.
const MIN_MARGIN_MS = 60_000;
const MAX_MARGIN_MS = 10 * 60_000;
const STATUS_LOOKBACK_MS = 6 * 3600_000;

/** One incident's window: calls in `[fromMs, toMs)`, status readings in `[statusFromMs, toMs)`. */
export interface IncidentWindow {
  readonly id: string;
  readonly fromMs: number;
  readonly toMs: number;
  readonly statusFromMs: number;
  readonly provider: string | null;
}

/** What a window saw and kept, per kind. */
export interface WindowCounts {
  readonly calls: { readonly seen: number; readonly kept: number };
  readonly status: { readonly seen: number; readonly kept: number };
}

interface Kept {
  readonly line: number;
  readonly timeMs: number;
  readonly fields: Record<string, unknown>;
}

/** The windows of incidents (as the read API shows them); an open one ends at `lastMs`. */
export function windowsOf(
  incidents: readonly Record<string, unknown>[],
  lastMs: number,
): IncidentWindow[] {
  return incidents.map((i) => {
    const started = Date.parse(String(i.started_at));
    const end = Math.max(
      started,
      typeof i.resolved_at === 'string' ? Date.parse(i.resolved_at) : lastMs,
    );
    const margin = Math.min(MAX_MARGIN_MS, Math.max(MIN_MARGIN_MS, (end - started) / 4));
    return {
      id: String(i.id),
      fromMs: started - margin,
      toMs: end + margin + 1,
      statusFromMs: started - margin - STATUS_LOOKBACK_MS,
      provider: typeof i.provider === 'string' ? i.provider : null,
    };
  });
}

export interface CollectOptions {
  readonly maxLineBytes: number;
  /** The most records of each kind kept per window. */
  readonly cap: number;
  readonly stderr: NodeJS.WriteStream;
  readonly totalBytes: number | undefined;
}

/** Reads `path` again and keeps each window's records; the union comes back by time. */
export async function collectWindows(
  path: string,
  windows: readonly IncidentWindow[],
  opts: CollectOptions,
): Promise<{ records: Record<string, unknown>[]; counts: Map<string, WindowCounts> }> {
  const samples = windows.map(() => ({
    calls: new EvenSample<Kept>(opts.cap),
    status: new EvenSample<Kept>(opts.cap),
  }));
  const earliest = Math.min(...windows.map((w) => w.statusFromMs));
  const latest = Math.max(...windows.map((w) => w.toMs));
  const progress = createProgress(opts.stderr, 'collecting records', opts.totalBytes);
  let lines = 0;
  if (windows.length > 0) {
    await readLines(openSource(path), {
      maxLineBytes: opts.maxLineBytes,
      onLine(text, line) {
        lines = line;
        if (isBlankLine(text)) return;
        const parsed = parseRecordLine(text);
        if (!parsed.ok) return;
        const { record, timeMs } = parsed;
        if (timeMs < earliest || timeMs >= latest) return;
        const status = isStatusObservation(record);
        let kept: Kept | undefined;
        const make = (): Kept => (kept ??= { line, timeMs, fields: reportFields(record, timeMs) });
        windows.forEach((w, i) => {
          if (timeMs < (status ? w.statusFromMs : w.fromMs) || timeMs >= w.toMs) return;
          if (w.provider !== null && record.provider !== w.provider) return;
          samples[i]![status ? 'status' : 'calls'].offer(make);
        });
      },
      afterChunk: (bytes) => progress.update(bytes, lines),
    });
  }
  progress.done();
  const union = new Map<number, Kept>();
  const counts = new Map<string, WindowCounts>();
  windows.forEach((w, i) => {
    const { calls, status } = samples[i]!;
    const c = calls.items;
    const s = status.items;
    for (const k of [...c, ...s]) union.set(k.line, k);
    counts.set(w.id, {
      calls: { seen: calls.seen, kept: c.length },
      status: { seen: status.seen, kept: s.length },
    });
  });
  const records = [...union.values()]
    .sort((a, b) => a.timeMs - b.timeMs || a.line - b.line)
    .map((k) => k.fields);
  return { records, counts };
}
