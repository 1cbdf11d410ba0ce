/** One command shape for the CLI: options declared once, parsed from them, `--help` made from them. */
import type { Readable } from 'node:stream';
import type { OptionSpecs, OptionValues, PositionalsSpec } from './option-spec.js';
import { parseCommandLine } from './parse-command-line.js';
import { renderHelp } from './render-help.js';

/** The streams a command reads and writes. */
export interface CliStreams {
  readonly stdin: Readable & { readonly isTTY?: boolean };
  readonly stdout: NodeJS.WriteStream;
  readonly stderr: NodeJS.WriteStream;
}

/** What a command's `run` receives: the parsed options and the positional arguments. */
export interface CommandInput<O extends OptionSpecs> {
  readonly options: OptionValues<O>;
  readonly positionals: readonly string[];
}

/** A command as declared. `-h, --help` is added to every command. */
export interface CommandSpec<O extends OptionSpecs> {
  /** As typed after `faultline`. */
  readonly name: string;
  /** One line for `faultline --help`. */
  readonly summary: string;
  /** The arguments before the options in the usage line: `[FILE|-]`, `"TEXT"`. */
  readonly usage: string;
  /** The help's paragraphs between the usage line and the options. */
  readonly description: string;
  readonly options: O;
  readonly positionals: PositionalsSpec;
  /** Paragraphs after the options, if any. */
  readonly notes?: string;
  /** Does the work; resolves with the exit status. Throws a `UsageError` for a bad command line. */
  readonly run: (input: CommandInput<O>, io: CliStreams) => Promise<number>;
}

/** A command ready to run: its help, and how to run it from raw arguments. */
export interface Command {
  readonly name: string;
  readonly summary: string;
  readonly help: string;
  /** Parses `args` (a `UsageError` names a bad one), prints the help for `-h`/`--help`, or runs. */
  readonly execute: (args: readonly string[], io: CliStreams) => Promise<number>;
}

/**
 * Declares a command.
 * @example
 * export const greetCommand = defineCommand({
 *   name: 'greet', summary: 'say hello', usage: '[NAME]', description: 'Says hello.\n',
 *   options: { loud: { type: 'boolean', description: 'shout' } },
 *   positionals: { max: 1, tooMany: 'greet takes one NAME' },
 *   run: async ({ options, positionals }, io) => { io.stdout.write('hi\n'); return 0; },
 * });
 */
export function defineCommand<const O extends OptionSpecs>(spec: CommandSpec<O>): Command {
  let help: string | undefined;
  const helpText = (): string => (help ??= renderHelp(spec));
  return {
    name: spec.name,
    summary: spec.summary,
    get help() {
      return helpText();
    },
    async execute(args, io) {
      const parsed = parseCommandLine(spec.options, spec.positionals, args);
      if (parsed.help) {
        io.stdout.write(helpText());
        return 0;
      }
      return spec.run({ options: parsed.options, positionals: parsed.positionals }, io);
    },
  };
}
