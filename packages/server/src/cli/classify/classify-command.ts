/** `faultline classify`: the command's options, help and argument handling. */
import { defineCommand } from '../command/define-command.js';
import { MAX_LINE_BYTES_OPTIONS, parseMaxLineBytes } from '../max-line-bytes.js';
import { runClassify } from './run-classify.js';

/** `faultline classify [FILE|-]`: classifies every record of a JSON Lines input. */
export const classifyCommand = defineCommand({
  name: 'classify',
  summary: 'classify each call record (JSON Lines) by layer, reason and owner',
  usage: '[FILE|-]',
  positionals: { max: 1, tooMany: 'classify takes one FILE (or - for standard input)' },
  options: {
    json: { type: 'boolean', description: 'JSON Lines out instead of the table' },
    'no-summary': { type: 'boolean', description: 'do not print the summary on stderr' },
    ...MAX_LINE_BYTES_OPTIONS,
  },
  description: `
Reads call records (JSON Lines, docs/call-record.md) from FILE, or standard input when FILE is
"-" or absent, and says for each call which layer failed, why, whose move it is, and whether a
retry can help.

Output (stdout):
  without --json  a table for people: line, time (UTC), provider, model, what was observed,
                  layer, reason, owner, retry
  with --json     each input record written back as one JSON line with a "classification"
                  object {layer, reason, owner, retryable} added (docs/diagnosis.md); status
                  observations ("kind":"status") are written back unchanged

Standard error:
  each bad line as "line N: field: reason" (the line is skipped, the rest go on), a progress
  line when stderr is a terminal and stdout is not, and at the end a summary of calls by layer
  and reason (leave it out with --no-summary)

Layers: integration (ours), network, provider, model (bad output on a success status), none.

A line longer than --max-line-bytes (1 MiB by default) is reported and skipped without being
read into memory; a UTF-8 byte order mark at the start of a line (of each file, as "cat a b"
joins them) is ignored. Times must lie from 1970-01-01T00:00:00Z to 9999-12-31T23:59:59.999Z.
Text from the records is printed with control characters and escape sequences replaced by "?"
(with --json on a terminal, escaped as \\uXXXX instead; into a file or pipe, byte for byte).

Exit status: 0 when every line was good, 1 when some lines were bad, 2 on a usage error or an
unreadable input (a directory, or binary data such as NUL bytes with no newline for over the
line cap: the reading stops there, after the output for the lines before).`,
  async run({ options, positionals }, io) {
    const source = positionals[0] ?? '-';
    if (source === '-' && io.stdin.isTTY === true) {
      io.stderr.write('faultline: reading call records from standard input (end with Ctrl-D)\n');
    }
    const maxLineBytes = parseMaxLineBytes(options['max-line-bytes']);
    return runClassify(
      { source, json: options.json, summary: !options['no-summary'], maxLineBytes },
      io,
    );
  },
});
