/** Decodes one JSON Lines line into a record, and formats problems as `line N: field: reason`. */
import { validateRecord, type RecordProblem, type RecordResult } from './validate-record.js';

/** Parses and validates one line of a JSON Lines file. */
export function parseRecordLine(text: string): RecordResult {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e: unknown) {
    // A parser that recurses runs out of stack on deep nesting ("[[[[…"): a bad line, not a crash.
    if (e instanceof RangeError) {
      return { ok: false, problems: [{ field: 'json', reason: 'nested too deeply to read' }] };
    }
    const detail = e instanceof Error ? e.message : String(e);
    return { ok: false, problems: [{ field: 'json', reason: `not valid JSON (${detail})` }] };
  }
  return validateRecord(value);
}

/**
 * The report format of spec/diagnosis.md for a bad input line. The reason may quote the input
 * (a JSON parser's message does): make it safe before printing it to a terminal.
 */
export function formatProblem(lineNumber: number, problem: RecordProblem): string {
  return `line ${lineNumber}: ${problem.field}: ${problem.reason}`;
}

/** True for a line with nothing but white space, which JSON Lines readers skip. */
export function isBlankLine(text: string): boolean {
  return text.trim().length === 0;
}
