/** `faultline diagnose`: replays records through the streaming engine and prints the incidents. */
import { stat } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import {
  LATEST_TIME_MS,
  ReorderBuffer,
  createEngine,
  formatTimestamp,
  isBlankLine,
  parseRecordLine,
  toDocumentIncident,
  type FaultlineRecord,
  type Incident,
} from '@faultline/core';
import { BufferedWriter } from '../../io/buffered-writer.js';
import { createProgress } from '../../io/progress.js';
import { openSource, readLines } from '../../io/read-lines.js';
import { BadLines } from '../bad-lines.js';
import type { CliStreams } from '../classify/run-classify.js';
import { MAX_LINE_BYTES_OPTION, parseMaxLineBytes } from '../max-line-bytes.js';
import { jsonForTerminal } from '../terminal-text.js';
import { UsageError } from '../usage-error.js';
import { DIAGNOSE_HELP } from './diagnose-help.js';
import { orderRefusal } from './order-check.js';
import { renderDiagnosis, type Diagnosis } from './render-diagnosis.js';

export { DIAGNOSE_HELP } from './diagnose-help.js';

/** Records up to this much out of order are put back in order before the engine sees them. */
const REORDER_SLACK_MS = 300_000;

export interface DiagnoseDeps {
  /** Drafts an incident's public update. */
  readonly draft: (incident: Omit<Incident, 'update'>) => string;
}

/** Runs the command; resolves with the exit status. */
export async function runDiagnose(
  args: readonly string[],
  io: CliStreams,
  deps: DiagnoseDeps,
): Promise<number> {
  const { values, positionals } = parseArgs({
    args: [...args],
    allowPositionals: true,
    options: {
      json: { type: 'boolean', default: false },
      ...MAX_LINE_BYTES_OPTION,
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    io.stdout.write(DIAGNOSE_HELP);
    return 0;
  }
  if (positionals.length > 1)
    throw new UsageError('diagnose takes one FILE (or - for standard input)');
  const maxLineBytes = parseMaxLineBytes(values['max-line-bytes']);
  const source = positionals[0] ?? '-';
  if (source === '-' && io.stdin.isTTY === true) {
    io.stderr.write('faultline: reading records from standard input (end with Ctrl-D)\n');
  }
  const totalBytes = source === '-' ? undefined : await fileSize(source);
  const input = openSource(source, io.stdin);
  const engine = createEngine({ draft: deps.draft });
  const errors = new BufferedWriter(io.stderr);
  const bad = new BadLines(errors, maxLineBytes);
  const progress = createProgress(io.stderr, 'diagnosing', totalBytes);
  let records = 0;
  let from = Infinity;
  let to = -Infinity;
  const order = new ReorderBuffer<FaultlineRecord>(REORDER_SLACK_MS, (r, t) => engine.ingest(r, t));
  const read = await readLines(input, {
    maxLineBytes,
    onTooLong: (n) => bad.tooLong(n),
    onLine(line, n) {
      if (isBlankLine(line)) return;
      const parsed = parseRecordLine(line);
      if (!parsed.ok) return bad.problems(n, parsed.problems);
      records++;
      if (parsed.timeMs < from) from = parsed.timeMs;
      if (parsed.timeMs > to) to = parsed.timeMs;
      order.push(parsed.record, parsed.timeMs);
    },
    async afterChunk(bytesRead) {
      progress.update(bytesRead, records + bad.count);
      await errors.flushIfFull();
    },
  });
  progress.done();
  await errors.flush();
  if (read.stopped !== undefined) {
    io.stderr.write(`faultline diagnose: ${read.stopped}; no diagnosis is printed\n`);
    return 2;
  }
  const refusal = orderRefusal(order, records, REORDER_SLACK_MS / 60_000, source);
  if (refusal !== undefined) {
    io.stderr.write(`faultline diagnose: ${refusal}`);
    return 2;
  }
  order.drain();
  // Let the engine see the end of the data: time passes past the last record, so incidents
  // that ended can resolve, while one still failing at the end stays open. Never past 9999.
  if (Number.isFinite(to)) engine.tick(Math.min(to + 1, LATEST_TIME_MS));
  if (order.late > 0) {
    io.stderr.write(
      `faultline: ${order.late} records arrived over 5 minutes out of order; they were fed at the time then current\n`,
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
  if (!values.json) io.stdout.write(renderDiagnosis(diagnosis));
  else {
    const json = JSON.stringify(diagnosis, null, 2);
    io.stdout.write((io.stdout.isTTY === true ? jsonForTerminal(json) : json) + '\n');
  }
  return bad.count === 0 ? 0 : 1;
}

async function fileSize(path: string): Promise<number> {
  const info = await stat(path);
  if (info.isDirectory()) {
    throw Object.assign(new Error('is a directory'), { code: 'EISDIR', path });
  }
  return info.size;
}
