/** The work of `faultline report`: replays the records, gathers each incident's view, writes one HTML file. */
import { basename } from 'node:path';
import { formatTimestamp, LATEST_TIME_MS } from '@faultline/core';
import { BufferedWriter } from '../../io/buffered-writer.js';
import { BadLines } from '../bad-lines.js';
import type { CliStreams } from '../command/define-command.js';
import { REORDER_SLACK_MS } from '../diagnose/diagnose-feed.js';
import { replayInput } from '../diagnose/replay-input.js';
import { stageFile } from '../scenarios/staged-file.js';
import { terminalSafe } from '../terminal-text.js';
import { incidentDetails, recordingEngine, type RecordingEngine } from './incident-details.js';
import { checkOutPath } from './out-path.js';
import { readReportAssets, reportHtml } from './report-html.js';
import { reportInput } from './report-input.js';
import { collectWindows, windowsOf } from './window-records.js';

/** The most records a file holds in all: past it, each incident's cap is lowered to share it. */
const TOTAL_RECORDS = 200_000;

export interface ReportOptions {
  /** A path, or `-` for standard input. */
  readonly source: string;
  /** The HTML file to write. */
  readonly out: string;
  readonly maxLineBytes: number;
  readonly maxSortBytes: number;
  /** The most calls (and status readings) kept per incident. */
  readonly maxRecords: number;
}

/** Replays the input and writes the report; resolves with the exit status. */
export async function runReport(opts: ReportOptions, io: CliStreams): Promise<number> {
  await checkOutPath(opts.out, opts.source === '-' ? undefined : opts.source);
  const assets = await readReportAssets();
  const input = await reportInput(opts.source, io.stdin);
  try {
    const errors = new BufferedWriter(io.stderr);
    const bad = new BadLines(errors, opts.maxLineBytes);
    let current: RecordingEngine | undefined;
    const replay = await replayInput(
      { source: input.path, stdin: io.stdin, rereadable: true, totalBytes: input.size },
      {
        maxLineBytes: opts.maxLineBytes,
        maxSortBytes: opts.maxSortBytes,
        bad,
        errors,
        stderr: io.stderr,
        newEngine: () => (current = recordingEngine()).engine,
      },
    );
    if (!replay.ok || current === undefined) {
      const message = replay.ok ? 'no records were replayed' : replay.message;
      const named = opts.source === '-' ? message.split(input.path).join('FILE') : message;
      io.stderr.write(`faultline report: ${named}\n`);
      return 2;
    }
    const { records, from, to } = replay;
    // As `faultline diagnose` does: time passes past the last record, so ended incidents resolve.
    if (Number.isFinite(to)) replay.engine.tick(Math.min(to + 1, LATEST_TIME_MS));
    if (replay.sorted > 0) {
      io.stderr.write(
        `faultline: records were out of time order (line ${replay.lateLine} is over ${REORDER_SLACK_MS / 60_000} minutes older than one before it); sorted ${replay.sorted} records by time and replayed them in that order\n`,
      );
    }
    for (const w of replay.engine.warnings()) io.stderr.write(`faultline: warning: ${w.message}\n`);
    const incidents = await incidentDetails(current.changes);
    const windows = windowsOf(incidents, to);
    const share = Math.floor(TOTAL_RECORDS / Math.max(1, windows.length));
    const cap = Math.min(opts.maxRecords, Math.max(100, share));
    const collected = await collectWindows(input.path, windows, {
      maxLineBytes: opts.maxLineBytes,
      cap,
      stderr: io.stderr,
      totalBytes: input.size,
    });
    const data = {
      version: 1,
      generated_at: formatTimestamp(Date.now()),
      source: opts.source === '-' ? '-' : basename(opts.source),
      records,
      bad_records: bad.count,
      from: Number.isFinite(from) ? formatTimestamp(from) : null,
      to: Number.isFinite(to) ? formatTimestamp(to) : null,
      incidents,
      windows: Object.fromEntries(
        windows.map((w) => [
          w.id,
          {
            from: formatTimestamp(w.fromMs),
            to: formatTimestamp(w.toMs - 1),
            status_from: formatTimestamp(w.statusFromMs),
            provider: w.provider,
            cap,
            ...collected.counts.get(w.id),
          },
        ]),
      ),
      window_records: collected.records,
    };
    const html = reportHtml(assets, data);
    const staged = await stageFile(opts.out, html);
    await staged.commit();
    const n = incidents.length;
    io.stdout.write(
      `wrote ${terminalSafe(opts.out)}: ${n} incident${n === 1 ? '' : 's'}, ` +
        `${collected.records.length} records around them, ${(Buffer.byteLength(html) / 1024).toFixed(0)} KiB\n`,
    );
    return bad.count === 0 ? 0 : 1;
  } finally {
    await input.dispose();
  }
}
