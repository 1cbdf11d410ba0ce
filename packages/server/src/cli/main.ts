/** The `faultline` command line: dispatches to the commands and turns failures into exit codes. */
import { parseArgs } from 'node:util';
import { CLASSIFY_HELP, runClassify, type CliStreams } from './classify/run-classify.js';

const HELP = `Usage: faultline <command> [options]

Faultline tells which layer broke when calls to LLM APIs fail — our integration, the network,
the provider's API, or the model's output — and whose move it is.

Commands:
  classify [FILE|-]   classify each call record (JSON Lines) by layer, reason and owner

Run "faultline <command> --help" for a command's options.
`;

/** Runs the CLI with `argv` (without node and script); resolves with the exit status. */
export async function main(argv: readonly string[], io: CliStreams): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined || command === '-h' || command === '--help' || command === 'help') {
    const topic = command === 'help' ? rest[0] : undefined;
    io.stdout.write(topic === 'classify' ? CLASSIFY_HELP : HELP);
    return 0;
  }
  if (command === '--version' || command === '-v') {
    io.stdout.write('faultline 0.1.0\n');
    return 0;
  }
  if (command === 'classify') return classifyCommand(rest, io);
  io.stderr.write(`faultline: unknown command "${command}"\n\n${HELP}`);
  return 2;
}

async function classifyCommand(args: readonly string[], io: CliStreams): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...args],
      allowPositionals: true,
      options: {
        json: { type: 'boolean', default: false },
        'no-summary': { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (e: unknown) {
    return usageError(io, e instanceof Error ? e.message : String(e), CLASSIFY_HELP);
  }
  if (parsed.values.help) {
    io.stdout.write(CLASSIFY_HELP);
    return 0;
  }
  if (parsed.positionals.length > 1) {
    return usageError(io, 'classify takes one FILE (or - for standard input)', CLASSIFY_HELP);
  }
  const source = parsed.positionals[0] ?? '-';
  if (source === '-' && io.stdin.isTTY === true) {
    io.stderr.write('faultline: reading call records from standard input (end with Ctrl-D)\n');
  }
  try {
    return await runClassify(
      { source, json: parsed.values.json, summary: !parsed.values['no-summary'] },
      io,
    );
  } catch (e: unknown) {
    return inputError(io, source, e);
  }
}

function usageError(io: CliStreams, message: string, help: string): number {
  io.stderr.write(`faultline: ${message}\n\n${help}`);
  return 2;
}

function inputError(io: CliStreams, source: string, e: unknown): number {
  const code = (e as { code?: unknown } | null)?.code;
  const why =
    code === 'ENOENT'
      ? 'no such file'
      : code === 'EISDIR'
        ? 'is a directory'
        : code === 'EACCES'
          ? 'permission denied'
          : e instanceof Error
            ? e.message
            : String(e);
  io.stderr.write(`faultline: cannot read ${source === '-' ? 'standard input' : source}: ${why}\n`);
  return 2;
}
