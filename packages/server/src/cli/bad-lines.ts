/** Reports bad input lines on stderr as `line N: field: reason`, safe for a terminal, and counts them. */
import { formatProblem, type RecordProblem } from '@faultline/core';
import type { BufferedWriter } from '../io/buffered-writer.js';
import { terminalSafe } from './terminal-text.js';

/** The bad lines of one run: each is reported once and counted once, however many problems it has. */
export class BadLines {
  count = 0;

  constructor(
    private readonly errors: BufferedWriter,
    private readonly maxLineBytes: number,
  ) {}

  /** A line that is not a valid record; the reasons may quote the input, so they are made safe. */
  problems(lineNumber: number, problems: readonly RecordProblem[]): void {
    this.count++;
    for (const p of problems) this.errors.write(terminalSafe(formatProblem(lineNumber, p)) + '\n');
  }

  /** A line over the length cap, skipped without being read. */
  tooLong(lineNumber: number): void {
    this.problems(lineNumber, [
      {
        field: 'record',
        reason: `line longer than ${this.maxLineBytes} bytes (--max-line-bytes), skipped`,
      },
    ]);
  }

  /**
   * A valid record that could not be handled, e.g. a RangeError from re-serializing JSON nested
   * too deeply for the stack: that line is lost, never the run.
   */
  failed(lineNumber: number, e: unknown): void {
    const detail = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
    this.problems(lineNumber, [{ field: 'record', reason: `could not be processed (${detail})` }]);
  }
}
