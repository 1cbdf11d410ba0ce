/** The work of `faultline diagnose`: replays records through the streaming engine and prints the incidents. */
import { stat } from 'node:fs/promises';
import {
  LATEST_TIME_MS,
  createEngine,
  formatTimestamp,
  toDocumentIncident,
  type Incident,
} from '@faultline/core';
import { BufferedWriter } from '../../io/buffered-writer.js';
import { BadLines } from '../bad-lines.js';
import type { CliStreams } from '../command/define-command.js';
import { jsonForTerminal } from '../terminal-text.js';
import { REORDER_SLACK_MS } from './diagnose-feed.js';
import { renderDiagnosis, type Diagnosis } from './render-diagnosis.js';
import { replayInput, type DiagnoseInput } from './replay-input.js';

export interface DiagnoseDeps {
  /** Drafts an incident's public update. */
  readonly draft: (incident: Omit<Incident, 'update'>) => string;
}

/** What to replay, and how to answer. */
export interface DiagnoseOptions {
  /** A path, or `-` for standard input. */
  readonly source: string;
  /** The JSON document of spec/diagnosis.md instead of the text for people. */
  readonly json: boolean;
  /** Lines longer than this many bytes are reported and skipped. */
  readonly maxLineBytes: number;
  /** At most about this many bytes of records are held to sort an out-of-order input. */
  readonly maxSortBytes: number;
}

/** Replays the input and prints the diagnosis; resolves with the exit status. */
export async function runDiagnose(
  opts: DiagnoseOptions,
  io: CliStreams,
  deps: DiagnoseDeps,
): Promise<number> {
  const { source, maxLineBytes } = opts;
  const input = await describeInput(source, io.stdin);
  const errors = new BufferedWriter(io.stderr);
  const bad = new BadLines(errors, maxLineBytes);
  const replay = await replayInput(input, {
    maxLineBytes,
    maxSortBytes: opts.maxSortBytes,
    bad,
    errors,
    stderr: io.stderr,
    newEngine: () => createEngine({ draft: deps.draft }),
  });
  if (!replay.ok) {
    io.stderr.write(`faultline diagnose: ${replay.message}\n`);
    return 2;
  }
  const { engine, records, from, to } = replay;
  // Let the engine see the end of the data: time passes past the last record, so incidents
  // that ended can resolve, while one still failing at the end stays open. Never past 9999.
  if (Number.isFinite(to)) engine.tick(Math.min(to + 1, LATEST_TIME_MS));
  if (replay.sorted > 0) {
    io.stderr.write(
      `faultline: records were out of time order (line ${replay.lateLine} is over ${REORDER_SLACK_MS / 60_000} minutes older than one before it); sorted ${replay.sorted} records by time and replayed them in that order\n`,
    );
  }
  // The engine's own limits (e.g. models per provider beyond its cap, counted as "other").
  for (const w of engine.warnings()) io.stderr.write(`faultline: warning: ${w.message}\n`);
  const diagnosis: Diagnosis = {
    version: 1,
    records,
    bad_records: bad.count,
    from: Number.isFinite(from) ? formatTimestamp(from) : null,
    to: Number.isFinite(to) ? formatTimestamp(to) : null,
    incidents: engine.incidents().map(toDocumentIncident),
  };
  if (!opts.json) io.stdout.write(renderDiagnosis(diagnosis));
  else {
    const json = JSON.stringify(diagnosis, null, 2);
    io.stdout.write((io.stdout.isTTY === true ? jsonForTerminal(json) : json) + '\n');
  }
  return bad.count === 0 ? 0 : 1;
}

/** A named regular file can be read again to sort it; standard input and named pipes cannot. */
async function describeInput(source: string, stdin: CliStreams['stdin']): Promise<DiagnoseInput> {
  if (source === '-') return { source, stdin, rereadable: false, totalBytes: undefined };
  const info = await stat(source);
  if (info.isDirectory()) {
    throw Object.assign(new Error('is a directory'), { code: 'EISDIR', path: source });
  }
  const file = info.isFile();
  return { source, stdin, rereadable: file, totalBytes: file ? info.size : undefined };
}
