/** The work of `faultline classify`: classifies every record of a JSON Lines input. */
import { stat } from 'node:fs/promises';
import { classify, isBlankLine, parseRecordLine, type Classification } from '@faultline/core';
import { BufferedWriter } from '../../io/buffered-writer.js';
import { createProgress } from '../../io/progress.js';
import { openSource, readLines } from '../../io/read-lines.js';
import { BadLines } from '../bad-lines.js';
import type { CliStreams } from '../command/define-command.js';
import { jsonForTerminal } from '../terminal-text.js';
// The one writer of a record with its classification, shared with ingest (loads nothing else).
import { withClassification } from '../../ingest/with-classification.js';
import { ClassifySummary } from './summary.js';
import { tableHeader, tableRow } from './table.js';

export interface ClassifyOptions {
  /** A path, or `-` for standard input. */
  readonly source: string;
  /** JSON Lines out (spec/diagnosis.md) instead of the table. */
  readonly json: boolean;
  /** Print the summary by layer and reason on stderr at the end. */
  readonly summary: boolean;
  /** Lines longer than this many bytes are reported and skipped. */
  readonly maxLineBytes: number;
}

/** Runs the command; resolves with the exit status (0 all good, 1 some bad lines, 2 unreadable). */
export async function runClassify(opts: ClassifyOptions, io: CliStreams): Promise<number> {
  const started = performance.now();
  // stat first: a missing or unreadable file fails here, before a stream exists to emit it.
  const totalBytes = opts.source === '-' ? undefined : await fileSize(opts.source);
  const input = openSource(opts.source, io.stdin);
  const progress = createProgress(
    io.stderr,
    'classifying',
    io.stdout.isTTY ? undefined : totalBytes,
  );
  const showProgress = !io.stdout.isTTY;
  const out = new BufferedWriter(io.stdout);
  const errors = new BufferedWriter(io.stderr);
  const summary = new ClassifySummary();
  const bad = new BadLines(errors, opts.maxLineBytes);
  // JSON that JSON allows raw but a terminal would act on (C1, bidi) is escaped only for a terminal:
  // into a file or pipe the input line goes byte for byte.
  const json = io.stdout.isTTY === true ? jsonForTerminal : (text: string) => text;
  if (!opts.json) out.write(tableHeader());

  const read = await readLines(input, {
    maxLineBytes: opts.maxLineBytes,
    onTooLong: (n) => bad.tooLong(n),
    onLine(line, lineNumber) {
      if (isBlankLine(line)) return;
      const parsed = parseRecordLine(line);
      if (!parsed.ok) return bad.problems(lineNumber, parsed.problems);
      const record = parsed.record;
      if (record.kind === 'status') {
        summary.statusObservations++;
        if (opts.json) out.write(json(line.trim()) + '\n');
        return;
      }
      let c: Classification;
      let row: string;
      try {
        c = classify(record);
        row = opts.json
          ? json(withClassification(line.trimEnd(), record, c)) + '\n'
          : tableRow(lineNumber, parsed.timeMs, record, c);
      } catch (e: unknown) {
        return bad.failed(lineNumber, e);
      }
      summary.add(c);
      out.write(row);
    },
    async afterChunk(bytesRead) {
      if (showProgress) progress.update(bytesRead, summary.calls + bad.count);
      await errors.flushIfFull();
      await out.flushIfFull();
    },
  });
  progress.done();
  await out.flush();
  await errors.flush();
  summary.badLines = bad.count;
  if (opts.summary) io.stderr.write(summary.render(performance.now() - started));
  if (read.stopped !== undefined) {
    io.stderr.write(`faultline classify: ${read.stopped}\n`);
    return 2;
  }
  return bad.count === 0 ? 0 : 1;
}

async function fileSize(path: string): Promise<number> {
  const info = await stat(path);
  if (info.isDirectory())
    throw Object.assign(new Error('is a directory'), { code: 'EISDIR', path });
  return info.size;
}
