/** The people-facing table of `faultline classify` (without `--json`): one row per call. */
import { formatTimestamp, type CallRecord, type Classification } from '@faultline/core';
import { terminalSafe } from '../terminal-text.js';

const COLUMNS = [
  ['line', 7],
  ['time (UTC)', 24],
  ['provider', 13],
  ['model', 22],
  ['status', 24],
  ['layer', 12],
  ['reason', 18],
  ['owner', 9],
] as const;

/** The header row. */
export function tableHeader(): string {
  return COLUMNS.map(([name, width]) => name.padEnd(width)).join(' ') + 'retry\n';
}

/** One row for a classified call. */
export function tableRow(
  lineNumber: number,
  timeMs: number,
  r: CallRecord,
  c: Classification,
): string {
  const cells = [
    String(lineNumber),
    formatTimestamp(timeMs),
    r.provider,
    r.model,
    observed(r),
    c.layer,
    c.reason,
    c.owner,
  ];
  return (
    cells.map((cell, i) => fit(cell, COLUMNS[i]![1])).join(' ') +
    (c.retryable ? 'yes' : 'no') +
    '\n'
  );
}

/** What was seen, in a few words: status and error word, network code, or stop reason. */
function observed(r: CallRecord): string {
  if (r.aborted_by !== undefined) return `aborted (${r.aborted_by})`;
  const word =
    r.stream_error_type ?? r.error_code ?? r.error_type ?? r.network_error ?? r.stop_reason;
  const status = r.http_status === undefined ? 'no response' : String(r.http_status);
  if (word !== undefined) return `${status} ${word}`;
  return r.content_type?.includes('html') === true ? `${status} html page` : status;
}

function fit(text: string, width: number): string {
  const clean = terminalSafe(text);
  return clean.length > width ? clean.slice(0, width - 1) + '…' : clean.padEnd(width);
}
