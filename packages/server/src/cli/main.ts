/** The `faultline` command line: dispatches to the commands and turns failures into exit codes. */
import { isUsageError } from '@faultline/core';
import type { CliStreams, Command } from './command/define-command.js';
import { terminalSafe, terminalSafeLines } from './terminal-text.js';

/** A command as the dispatcher knows it before loading it. */
export interface CommandEntry {
  /** Its line in `faultline --help` (the same as the loaded command's; a test holds them equal). */
  readonly summary: string;
  /**
   * Imports the command's code only when it runs or its help is shown, so `faultline classify`
   * never loads the demo's SDKs, the fake provider or the scenario library.
   */
  readonly load: () => Promise<Command>;
}

// A Map, so that `faultline constructor` is an unknown command, not Object.prototype's.
/** Every command by name, in the order `faultline --help` lists them. */
export const COMMANDS: ReadonlyMap<string, CommandEntry> = new Map(
  Object.entries({
    classify: {
      summary: 'classify each call record (JSON Lines) by layer, reason and owner',
      load: async () => (await import('./classify/classify-command.js')).classifyCommand,
    },
    diagnose: {
      summary: 'replay records through the engine: which layer broke, whose move, the update',
      load: async () => (await import('./diagnose/diagnose-command.js')).diagnoseCommand,
    },
    report: {
      summary: 'replay records and write the incident views as one self-contained HTML file',
      load: async () => (await import('./report/report-command.js')).reportCommand,
    },
    'lint-update': {
      summary: 'flag wording in a status update that invites the wrong reading',
      load: async () => (await import('./lint-update/lint-update-command.js')).lintUpdateCommand,
    },
    demo: {
      summary: 'watch Faultline name a provider overload live (about a minute)',
      // The command's module holds its help; the demo's code and its SDKs load when it runs.
      load: async () => (await import('./demo/demo-command.js')).demoCommand,
    },
    scenarios: {
      summary: 'list the scenario library, or write a scenario as JSON Lines',
      load: async () => (await import('./scenarios/scenarios-command.js')).scenariosCommand,
    },
    serve: {
      summary: 'run the service: ingest, store, live engine, API, OTLP and metrics',
      load: async () => (await import('./serve/serve-command.js')).serveCommand,
    },
    gateway: {
      summary: 'run the gateway: a reverse proxy that records every attempt and fails over',
      load: async () => (await import('./gateway/gateway-command.js')).gatewayCommand,
    },
    token: {
      summary: "create, list or revoke the service's API tokens",
      load: async () => (await import('./token/token-command.js')).tokenCommand,
    },
    config: {
      summary: 'check a configuration file (faultline.yaml): every problem as path: problem',
      load: async () => (await import('./config/config-command.js')).configCommand,
    },
    'fake-provider': {
      summary: 'serve the emulated Anthropic, OpenAI and Gemini APIs with scripted faults',
      load: async () =>
        (await import('./fake-provider/fake-provider-command.js')).fakeProviderCommand,
    },
  } satisfies Record<string, CommandEntry>),
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
  const entry = COMMANDS.get(name);
  if (entry === undefined) {
    io.stderr.write(`faultline: unknown command "${terminalSafe(name)}"\n\n${HELP}`);
    return 2;
  }
  let help = '';
  try {
    const command = await entry.load();
    help = command.help;
    return await command.execute(rest, io);
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
