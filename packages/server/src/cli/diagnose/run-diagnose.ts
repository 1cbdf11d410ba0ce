/** `faultline diagnose`: replays records through the streaming engine and prints the incidents. */
import { stat } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import {
  createEngine,
  formatProblem,
  isBlankLine,
  parseRecordLine,
  type FaultlineRecord,
  type Incident,
} from '@faultline/core';
import { BufferedWriter } from '../../io/buffered-writer.js';
import { createProgress } from '../../io/progress.js';
import { openSource, readLines } from '../../io/read-lines.js';
import type { CliStreams } from '../classify/run-classify.js';
import { UsageError } from '../usage-error.js';
import { renderDiagnosis, type Diagnosis } from './render-diagnosis.js';
import { ReorderBuffer } from './reorder-buffer.js';

/** Records up to this much out of order are put back in order before the engine sees them. */
const REORDER_SLACK_MS = 300_000;

export const DIAGNOSE_HELP = `Usage: faultline diagnose [FILE|-] [--json]

Reads call records and status observations (JSON Lines, spec/call-record.md) from FILE, or
standard input when FILE is "-" or absent, replays them in time order through the streaming
engine that "faultline demo" runs live (it never looks ahead, so detection times are the ones a
live run would have had), and says for each incident which layer broke, whose
move it is, where, since when, and drafts the first public update.

Output: for people by default (one block per incident, times in UTC); with --json, one JSON
document exactly per spec/diagnosis.md. Bad lines go to stderr as "line N: field: reason" and
are skipped. Records up to 5 minutes out of order are put back in order; later ones are fed at
the current time and counted. A progress line shows on stderr when it is a terminal.

Exit status: 0 when every line was good, 1 when some lines were bad (the diagnosis is still
printed), 2 on a usage error or an unreadable input.

Options:
  --json         the JSON document of spec/diagnosis.md
  -h, --help     show this help
`;

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
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    io.stdout.write(DIAGNOSE_HELP);
    return 0;
  }
  if (positionals.length > 1)
    throw new UsageError('diagnose takes one FILE (or - for standard input)');
  const source = positionals[0] ?? '-';
  if (source === '-' && io.stdin.isTTY === true) {
    io.stderr.write('faultline: reading records from standard input (end with Ctrl-D)\n');
  }
  const totalBytes = source === '-' ? undefined : (await stat(source)).size;
  const input = openSource(source, io.stdin);
  const engine = createEngine({ draft: deps.draft });
  const errors = new BufferedWriter(io.stderr);
  const progress = createProgress(io.stderr, 'diagnosing', totalBytes);
  let records = 0;
  let bad = 0;
  let from = Infinity;
  let to = -Infinity;
  const order = new ReorderBuffer<FaultlineRecord>(REORDER_SLACK_MS, (r, t) => engine.ingest(r, t));
  await readLines(input, {
    onLine(line, n) {
      if (isBlankLine(line)) return;
      const parsed = parseRecordLine(line);
      if (!parsed.ok) {
        bad++;
        for (const p of parsed.problems) errors.write(formatProblem(n, p) + '\n');
        return;
      }
      records++;
      if (parsed.timeMs < from) from = parsed.timeMs;
      if (parsed.timeMs > to) to = parsed.timeMs;
      order.push(parsed.record, parsed.timeMs);
    },
    async afterChunk(bytesRead) {
      progress.update(bytesRead, records + bad);
      await errors.flushIfFull();
    },
  });
  order.drain();
  progress.done();
  // Let the engine see the end of the data: time passes past the last record, so incidents
  // that ended can resolve, while one still failing at the end stays open.
  if (Number.isFinite(to)) engine.tick(to + 1);
  await errors.flush();
  if (order.late > 0)
    io.stderr.write(`faultline: ${order.late} records arrived over 5 minutes out of order\n`);
  const diagnosis: Diagnosis = {
    version: 1,
    records,
    bad_records: bad,
    from: Number.isFinite(from) ? new Date(from).toISOString() : null,
    to: Number.isFinite(to) ? new Date(to).toISOString() : null,
    incidents: engine.incidents(),
  };
  io.stdout.write(
    values.json ? JSON.stringify(diagnosis, null, 2) + '\n' : renderDiagnosis(diagnosis),
  );
  return bad === 0 ? 0 : 1;
}
