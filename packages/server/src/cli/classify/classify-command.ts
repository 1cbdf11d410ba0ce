/** Argument handling of `faultline classify`. */
import { parseArgs } from 'node:util';
import { MAX_LINE_BYTES_OPTION, parseMaxLineBytes } from '../max-line-bytes.js';
import { UsageError } from '../usage-error.js';
import { CLASSIFY_HELP, runClassify, type CliStreams } from './run-classify.js';

/** Parses the arguments and runs the command; resolves with the exit status. */
export async function classifyCommand(args: readonly string[], io: CliStreams): Promise<number> {
  const { values, positionals } = parseArgs({
    args: [...args],
    allowPositionals: true,
    options: {
      json: { type: 'boolean', default: false },
      'no-summary': { type: 'boolean', default: false },
      ...MAX_LINE_BYTES_OPTION,
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    io.stdout.write(CLASSIFY_HELP);
    return 0;
  }
  if (positionals.length > 1)
    throw new UsageError('classify takes one FILE (or - for standard input)');
  const source = positionals[0] ?? '-';
  if (source === '-' && io.stdin.isTTY === true) {
    io.stderr.write('faultline: reading call records from standard input (end with Ctrl-D)\n');
  }
  const maxLineBytes = parseMaxLineBytes(values['max-line-bytes']);
  return runClassify(
    { source, json: values.json, summary: !values['no-summary'], maxLineBytes },
    io,
  );
}
