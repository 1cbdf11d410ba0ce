/** A parsed document → the validated config: `${NAME}` expanded, then the schema, one error for all. */
import { ConfigError } from '@faultline/core';
import { configSchema, type FaultlineConfig } from './config-schema.js';
import { expandEnv, type Env } from './expand-env.js';
import { configErrorMap, formatIssues } from './format-issues.js';

/** What to validate against. */
export interface ValidateOptions {
  /** Where `${NAME}` values come from. */
  readonly env: Env;
  /** Names the document in the error: a file name, or "configuration". */
  readonly source?: string;
}

/**
 * Validates a configuration document (what YAML or JSON parsing gave): `null` or `undefined` is
 * an empty file, every default applies. Throws one `ConfigError` listing every `path: problem`.
 * @example
 * const config = validateConfig({ listen: '127.0.0.1:0' }, { env: process.env });
 */
export function validateConfig(document: unknown, options: ValidateOptions): FaultlineConfig {
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
  return parsed.data;
}

/** The configuration `faultline serve` runs with when there is no file. */
export function defaultConfig(): FaultlineConfig {
  return validateConfig({}, { env: {} });
}
