/** Reads the configuration file (or none), then validates it: read → parse → validate. */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { ConfigError } from '@faultline/core';
import type { FaultlineConfig } from './config-schema.js';
import type { Env } from './expand-env.js';
import { readDocument } from './read-document.js';
import { checkConfig } from './validate-config.js';

/** The file read when none is given, if it exists. */
export const DEFAULT_CONFIG_FILE = 'faultline.yaml';

/** Where to look. */
export interface LoadConfigOptions {
  /** `--config FILE`, relative to `cwd`; absent: `./faultline.yaml` if present, else defaults. */
  readonly file?: string;
  readonly env: Env;
  readonly cwd: string;
}

/** The config and the file it came from (undefined: no file, all defaults). */
export interface LoadedConfig {
  readonly config: FaultlineConfig;
  readonly file: string | undefined;
  /** `path: warning` lines (a secret written in the file); the config loads all the same. */
  readonly warnings: readonly string[];
}

/**
 * Loads `faultline.yaml` (YAML or JSON). Throws a `ConfigError` for an unreadable file, a syntax
 * error (with line and column) or invalid contents (every `path: problem`); what only deserves a
 * warning (a literal secret) is in `warnings`.
 * @example
 * const { config } = await loadConfig({ file: opts.config, env: process.env, cwd: process.cwd() });
 */
export async function loadConfig(options: LoadConfigOptions): Promise<LoadedConfig> {
  const file = options.file ?? DEFAULT_CONFIG_FILE;
  const text = await readText(resolve(options.cwd, file), file, options.file === undefined);
  if (text === undefined) return { ...checkConfig({}, { env: options.env }), file: undefined };
  const read = readDocument(text);
  if (!read.ok) throw new ConfigError(`cannot parse ${file}`, read.problems);
  return { ...checkConfig(read.document, { env: options.env, source: file }), file };
}

/** The file's text; undefined when it is the default file and it does not exist. */
async function readText(
  path: string,
  file: string,
  optional: boolean,
): Promise<string | undefined> {
  try {
    return await readFile(path, 'utf8');
  } catch (e: unknown) {
    const code = (e as { code?: unknown } | null)?.code;
    if (optional && code === 'ENOENT') return undefined;
    const reason =
      code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : String(code ?? e);
    throw new ConfigError(`cannot read ${file}`, [reason], { cause: e });
  }
}
