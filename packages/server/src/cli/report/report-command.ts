/** `faultline report`: the command's options, help and argument handling. */
import { UsageError } from '@faultline/core';
import { defineCommand } from '../command/define-command.js';
import { MAX_SORT_BYTES_OPTIONS, parseMaxSortBytes } from '../diagnose/max-sort-bytes.js';
import { MAX_LINE_BYTES_OPTIONS, parseMaxLineBytes } from '../max-line-bytes.js';
import { runReport } from './run-report.js';

const DEFAULT_MAX_RECORDS = 10_000;
/** The most `GET /v1/records` gives in one answer (server-api.md), which the page asks for. */
const MAX_MAX_RECORDS = 10_000;

/** `faultline report [FILE|-] --html OUT`: the incident views of a replay in one offline HTML file. */
export const reportCommand = defineCommand({
  name: 'report',
  summary: 'replay records and write the incident views as one self-contained HTML file',
  usage: '[FILE|-]',
  positionals: { max: 1, tooMany: 'report takes one FILE (or - for standard input)' },
  options: {
    html: { type: 'string', value: 'OUT', description: 'the HTML file to write (required)' },
    'max-records': {
      type: 'string',
      value: 'N',
      description:
        'keep at most N calls and N status readings per incident (1 to 10000); past N they are sampled evenly',
      default: String(DEFAULT_MAX_RECORDS),
    },
    ...MAX_LINE_BYTES_OPTIONS,
    ...MAX_SORT_BYTES_OPTIONS,
  },
  description: `
Replays call records and status observations (JSON Lines, docs/call-record.md) from FILE, or
standard input when FILE is "-" or absent, through the engine exactly as "faultline diagnose"
does, and writes OUT: one HTML file for a postmortem with the dashboard's incident list and
incident pages (timeline, evidence, charts, affected calls, drafted updates), read-only. It
needs no network and no server: its script, styles and data are inside it, and its
Content-Security-Policy lets it load nothing. For the charts it holds the records of the window each
incident page shows (the incident and a margin each side; status readings from 6 hours
before), only the fields the charts and tables use, evenly sampled past --max-records per
incident (the page says when they were).

Input handling is that of "faultline diagnose" (bad lines on stderr, out-of-order input sorted
up to --max-sort-bytes). Standard input is copied to a temporary file first, as the records
are read twice. OUT is written beside its target and renamed into place.

Exit status: 0 when every line was good, 1 when some lines were bad (the report is still
written), 2 on a usage error, an unreadable input, an OUT that cannot be written, or
out-of-order input too large to sort.`,
  async run({ options, positionals }, io) {
    const out = options.html;
    if (out === undefined || out === '') throw new UsageError('report needs --html OUT');
    if (out === '-') throw new UsageError('--html needs a file path, not "-"');
    const maxRecords = /^[0-9]+$/.test(options['max-records'])
      ? Number(options['max-records'])
      : Number.NaN;
    if (!(maxRecords >= 1 && maxRecords <= MAX_MAX_RECORDS)) {
      throw new UsageError(`--max-records must be a whole number from 1 to ${MAX_MAX_RECORDS}`);
    }
    const source = positionals[0] ?? '-';
    if (source === '-' && io.stdin.isTTY === true) {
      io.stderr.write('faultline: reading records from standard input (end with Ctrl-D)\n');
    }
    return runReport(
      {
        source,
        out,
        maxLineBytes: parseMaxLineBytes(options['max-line-bytes']),
        maxSortBytes: parseMaxSortBytes(options['max-sort-bytes']),
        maxRecords,
      },
      io,
    );
  },
});
