/** `faultline config check`: loads a config as `serve` would and says whether it is valid. */
import { isConfigError } from '@faultline/core';
import { loadConfig, redactConfig, type Env } from '../../config/index.js';
import type { CliStreams } from '../command/define-command.js';
import { jsonForTerminal, terminalSafe, terminalSafeLines } from '../terminal-text.js';
import { configSummary } from './config-summary.js';

/** What to check. */
export interface ConfigCheckInput {
  /** The file; absent: `./faultline.yaml` if present, else the defaults. */
  readonly file?: string;
  /** Print the validated config (secrets redacted) as JSON instead of the summary. */
  readonly json: boolean;
  readonly env: Env;
  readonly cwd: string;
}

/** Exit status of an invalid or unreadable config: the CLI's usage/config error status. */
export const INVALID_CONFIG_STATUS = 2;

/**
 * Prints `ok: FILE` and a summary (0), or every `path: problem` on stderr (2). Warnings go to
 * stderr and leave the status 0.
 */
export async function runConfigCheck(input: ConfigCheckInput, io: CliStreams): Promise<number> {
  try {
    const { config, file, warnings } = await loadConfig({
      ...(input.file === undefined ? {} : { file: input.file }),
      env: input.env,
      cwd: input.cwd,
    });
    // Warnings (a secret written in the file) name a path, never a value; the file is valid.
    for (const w of warnings)
      io.stderr.write(`faultline config check: warning: ${terminalSafe(w)}\n`);
    if (input.json) {
      const json = JSON.stringify(redactConfig(config), null, 2);
      io.stdout.write(`${io.stdout.isTTY ? jsonForTerminal(json) : json}\n`);
      return 0;
    }
    const name = file === undefined ? 'no file, the defaults' : terminalSafe(file);
    io.stdout.write(
      `ok: ${name}\n${configSummary(config)
        .map((l) => `  ${terminalSafe(l)}\n`)
        .join('')}`,
    );
    return 0;
  } catch (e: unknown) {
    if (!isConfigError(e)) throw e;
    // The problems quote the file's keys and values (never the environment's): made safe to print.
    io.stderr.write(`faultline config check: ${terminalSafeLines(e.message)}\n`);
    return INVALID_CONFIG_STATUS;
  }
}
