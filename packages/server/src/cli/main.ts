/** The `faultline` command line: dispatches to the commands and turns failures into exit codes. */
import { draftUpdate } from '@faultline/core';
import { runDemo, DEMO_HELP } from '../demo/run-demo.js';
import { classifyCommand } from './classify/classify-command.js';
import { DIAGNOSE_HELP, runDiagnose } from './diagnose/run-diagnose.js';
import { LINT_UPDATE_HELP, runLintUpdate } from './lint-update/run-lint-update.js';
import { SCENARIOS_HELP, runScenarios } from './scenarios/run-scenarios.js';
import { CLASSIFY_HELP, type CliStreams } from './classify/run-classify.js';
import { FAKE_PROVIDER_HELP, runFakeProvider } from './fake-provider/run-fake-provider.js';
import { terminalSafe, terminalSafeLines } from './terminal-text.js';
import { isUsageError } from './usage-error.js';

interface Command {
  readonly summary: string;
  readonly help: string;
  readonly run: (args: readonly string[], io: CliStreams) => Promise<number>;
}

// A Map, so that `faultline constructor` is an unknown command, not Object.prototype's.
const COMMANDS: ReadonlyMap<string, Command> = new Map(
  Object.entries({
    classify: {
      summary: 'classify each call record (JSON Lines) by layer, reason and owner',
      help: CLASSIFY_HELP,
      run: classifyCommand,
    },
    diagnose: {
      summary: 'replay records through the engine: which layer broke, whose move, the update',
      help: DIAGNOSE_HELP,
      run: (args, io) =>
        runDiagnose(args, io, {
          draft: (i) =>
            draftUpdate(i, {
              stage: i.resolved_at === null ? 'identified' : 'resolved',
              voice: 'public',
            }),
        }),
    },
    'lint-update': {
      summary: 'flag wording in a status update that invites the wrong reading',
      help: LINT_UPDATE_HELP,
      run: runLintUpdate,
    },
    demo: {
      summary: 'watch Faultline name a provider overload live (about a minute)',
      help: DEMO_HELP,
      run: (args, io) =>
        runDemo(args, io, { draft: (i, stage, voice) => draftUpdate(i, { stage, voice }) }),
    },
    scenarios: {
      summary: 'list the scenario library, or write a scenario as JSON Lines',
      help: SCENARIOS_HELP,
      run: runScenarios,
    },
    'fake-provider': {
      summary: 'serve the emulated Anthropic, OpenAI and Gemini APIs with scripted faults',
      help: FAKE_PROVIDER_HELP,
      run: runFakeProvider,
    },
  } satisfies Record<string, Command>),
);

const HELP = `Usage: faultline <command> [options]

Faultline tells which layer broke when calls to LLM APIs fail — our integration, the network,
the provider's API, or the model's output — and whose move it is.

Commands:
${[...COMMANDS].map(([name, c]) => `  ${name.padEnd(16)} ${c.summary}`).join('\n')}

Run "faultline <command> --help" for a command's options.
`;

/** Runs the CLI with `argv` (without node and script); resolves with the exit status. */
export async function main(argv: readonly string[], io: CliStreams): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '-h' || name === '--help') {
    io.stdout.write(HELP);
    return 0;
  }
  if (name === 'help') {
    io.stdout.write(COMMANDS.get(rest[0] ?? '')?.help ?? HELP);
    return 0;
  }
  if (name === '--version' || name === '-v') {
    io.stdout.write('faultline 0.1.0\n');
    return 0;
  }
  const command = COMMANDS.get(name);
  if (command === undefined) {
    io.stderr.write(`faultline: unknown command "${terminalSafe(name)}"\n\n${HELP}`);
    return 2;
  }
  try {
    return await command.run(rest, io);
  } catch (e: unknown) {
    if (isUsageError(e)) {
      io.stderr.write(`faultline ${name}: ${terminalSafeLines(e.message)}\n\n${command.help}`);
      return 2;
    }
    // Messages can quote input (a file's JSON, an id from it, an argument): made safe to print.
    io.stderr.write(`faultline ${name}: ${terminalSafeLines(describeFailure(e))}\n`);
    return 2;
  }
}

/** A one-line reason for a failure the user can act on (a missing file, a bad scenario). */
function describeFailure(e: unknown): string {
  const err = e as { code?: unknown; path?: unknown; message?: unknown } | null;
  const path = typeof err?.path === 'string' ? err.path : undefined;
  const where = path === undefined ? '' : `cannot read ${path}: `;
  if (err?.code === 'ENOENT') return `${where}no such file`;
  if (err?.code === 'EISDIR') return `${where}is a directory`;
  if (err?.code === 'EACCES') return `${where}permission denied`;
  return e instanceof Error ? e.message : String(e);
}
