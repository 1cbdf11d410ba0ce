/** A parsed document → the validated config: `${NAME}` expanded, then the schema, one error for all. */
import { ConfigError } from '@faultline/core';
import { configSchema, type FaultlineConfig } from './config-schema.js';
import { expandEnv, type Env } from './expand-env.js';
import { configErrorMap, formatIssues } from './format-issues.js';
import { literalSecretWarnings } from './literal-secrets.js';

/** What to validate against. */
export interface ValidateOptions {
  /** Where `${NAME}` values come from. */
  readonly env: Env;
  /** Names the document in the error: a file name, or "configuration". */
  readonly source?: string;
}

/** A valid config and what is worth saying about it (`path: warning`, never a value). */
export interface CheckedConfig {
  readonly config: FaultlineConfig;
  /** Secrets written in the file rather than read through `${NAME}`. */
  readonly warnings: readonly string[];
}

/**
 * Validates a configuration document and says what in it deserves a warning. Throws one
 * `ConfigError` listing every `path: problem`; warnings never fail it.
 * @example
 * const { config, warnings } = checkConfig(document, { env: process.env });
 */
export function checkConfig(document: unknown, options: ValidateOptions): CheckedConfig {
  const what = `invalid configuration${options.source === undefined ? '' : ` in ${options.source}`}`;
  const expanded = expandEnv(document ?? {}, options.env);
  const parsed = configSchema.safeParse(expanded.document, { error: configErrorMap });
  const problems = [
    ...expanded.problems,
    ...(parsed.success ? [] : formatIssues(parsed.error.issues, expanded.expansions)).filter(
      (line) => !expanded.failed.has(line.slice(0, line.indexOf(': '))),
    ),
  ];
  if (problems.length > 0 || !parsed.success) throw new ConfigError(what, problems);
  return { config: parsed.data, warnings: literalSecretWarnings(parsed.data, expanded.expansions) };
}

/**
 * Validates a configuration document (what YAML or JSON parsing gave): `null` or `undefined` is
 * an empty file, every default applies. Throws one `ConfigError` listing every `path: problem`.
 * @example
 * const config = validateConfig({ listen: '127.0.0.1:0' }, { env: process.env });
 */
export function validateConfig(document: unknown, options: ValidateOptions): FaultlineConfig {
  return checkConfig(document, options).config;
}

/** The configuration `faultline serve` runs with when there is no file. */
export function defaultConfig(): FaultlineConfig {
  return validateConfig({}, { env: {} });
}
