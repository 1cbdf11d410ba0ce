/** Parses a command line against a command's declared options (node:util parseArgs, strict). */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError } from '@faultline/core';
import type { OptionSpecs, OptionValues, PositionalsSpec } from './option-spec.js';

/** The command line, parsed: `help` when `-h`/`--help` was given. */
export interface ParsedCommandLine<O extends OptionSpecs> {
  readonly help: boolean;
  readonly options: OptionValues<O>;
  readonly positionals: readonly string[];
}

type ParseOptions = NonNullable<ParseArgsConfig['options']>;

/** parseArgs' configuration, made from the declared options (plus `-h, --help`). */
function parseArgsOptions(options: OptionSpecs): ParseOptions {
  const config: ParseOptions = Object.create(null) as ParseOptions;
  for (const [name, o] of Object.entries(options)) {
    if (o.type === 'boolean')
      config[name] = { type: 'boolean', ...(o.short === undefined ? {} : { short: o.short }) };
    else
      config[name] = { type: 'string', ...(o.default === undefined ? {} : { default: o.default }) };
  }
  config['help'] = { type: 'boolean', short: 'h' };
  return config;
}

/**
 * The options and positionals of `args`. An unknown option, a missing value, a value given to a
 * flag or too many positionals is a `UsageError` that names the argument.
 */
export function parseCommandLine<O extends OptionSpecs>(
  options: O,
  positionals: PositionalsSpec,
  args: readonly string[],
): ParsedCommandLine<O> {
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({
      args: [...args],
      options: parseArgsOptions(options),
      allowPositionals: true,
      strict: true,
    });
  } catch (e: unknown) {
    throw new UsageError(usageMessage(e), { cause: e });
  }
  const { help, ...values } = parsed.values;
  if (help !== true && parsed.positionals.length > positionals.max)
    throw new UsageError(positionals.tooMany);
  // Flags that were not given are false, not absent.
  for (const [name, o] of Object.entries(options)) {
    if (o.type === 'boolean') values[name] ??= false;
  }
  return {
    help: help === true,
    options: values as OptionValues<O>,
    positionals: parsed.positionals,
  };
}

/** parseArgs' error in our words, naming the argument it is about. */
function usageMessage(e: unknown): string {
  const code = (e as { code?: unknown } | null)?.code;
  const message = e instanceof Error ? e.message : String(e);
  const arg = /'([^']+)'/.exec(message)?.[1] ?? '';
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return `Unknown option '${arg}'`;
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
    const flag = arg.split(' ')[0] ?? arg;
    if (message.includes('argument missing')) return `option '${flag}' needs a value`;
    if (message.includes('ambiguous'))
      return `option '${flag}' needs a value; for one that starts with "-", write ${flag}=VALUE`;
    if (message.includes('does not take an argument')) return `option '${flag}' takes no value`;
  }
  return message;
}
