/** The `faultline` command line: dispatches to the commands and turns failures into exit codes. */
import type { CliStreams } from './classify/run-classify.js';
import { terminalSafe, terminalSafeLines } from './terminal-text.js';
import { isUsageError } from './usage-error.js';

/** What a command's module gives once loaded: its help text and how to run it. */
interface LoadedCommand {
  readonly help: string;
  readonly run: (args: readonly string[], io: CliStreams) => Promise<number>;
}

interface Command {
  readonly summary: string;
  /**
   * Imports the command's code only when it runs or its help is shown, so `faultline classify`
   * never loads the demo's SDKs, the fake provider or the scenario library.
   */
  readonly load: () => Promise<LoadedCommand>;
}

// A Map, so that `faultline constructor` is an unknown command, not Object.prototype's.
const COMMANDS: ReadonlyMap<string, Command> = new Map(
  Object.entries({
    classify: {
      summary: 'classify each call record (JSON Lines) by layer, reason and owner',
      load: async () => {
        const [{ classifyCommand }, { CLASSIFY_HELP }] = await Promise.all([
          import('./classify/classify-command.js'),
          import('./classify/run-classify.js'),
        ]);
        return { help: CLASSIFY_HELP, run: classifyCommand };
      },
    },
    diagnose: {
      summary: 'replay records through the engine: which layer broke, whose move, the update',
      load: async () => {
        const [{ DIAGNOSE_HELP, runDiagnose }, { draftUpdate }] = await Promise.all([
          import('./diagnose/run-diagnose.js'),
          import('@faultline/core'),
        ]);
        return {
          help: DIAGNOSE_HELP,
          run: (args, io) =>
            runDiagnose(args, io, {
              draft: (i) =>
                draftUpdate(i, {
                  stage: i.resolved_at === null ? 'identified' : 'resolved',
                  voice: 'public',
                }),
            }),
        };
      },
    },
    'lint-update': {
      summary: 'flag wording in a status update that invites the wrong reading',
      load: async () => {
        const { LINT_UPDATE_HELP, runLintUpdate } =
          await import('./lint-update/run-lint-update.js');
        return { help: LINT_UPDATE_HELP, run: runLintUpdate };
      },
    },
    demo: {
      summary: 'watch Faultline name a provider overload live (about a minute)',
      // The help alone loads no SDK; the demo's code and its SDKs load when it runs.
      load: async () => ({
        help: (await import('../demo/demo-help.js')).DEMO_HELP,
        run: async (args, io) => {
          const [{ runDemo }, { draftUpdate }] = await Promise.all([
            import('../demo/run-demo.js'),
            import('@faultline/core'),
          ]);
          return runDemo(args, io, {
            draft: (i, stage, voice) => draftUpdate(i, { stage, voice }),
          });
        },
      }),
    },
    scenarios: {
      summary: 'list the scenario library, or write a scenario as JSON Lines',
      load: async () => {
        const { SCENARIOS_HELP, runScenarios } = await import('./scenarios/run-scenarios.js');
        return { help: SCENARIOS_HELP, run: runScenarios };
      },
    },
    'fake-provider': {
      summary: 'serve the emulated Anthropic, OpenAI and Gemini APIs with scripted faults',
      load: async () => {
        const { FAKE_PROVIDER_HELP, runFakeProvider } =
          await import('./fake-provider/run-fake-provider.js');
        return { help: FAKE_PROVIDER_HELP, run: runFakeProvider };
      },
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
    const asked = COMMANDS.get(rest[0] ?? '');
    io.stdout.write(asked === undefined ? HELP : (await asked.load()).help);
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
  let help = '';
  try {
    const loaded = await command.load();
    help = loaded.help;
    return await loaded.run(rest, io);
  } catch (e: unknown) {
    if (isUsageError(e)) {
      io.stderr.write(`faultline ${name}: ${terminalSafeLines(e.message)}\n\n${help}`);
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
