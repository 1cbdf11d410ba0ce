/** `faultline config`: the command's options, help and subcommand (`check`). */
import { UsageError } from '@faultline/core';
import { defineCommand } from '../command/define-command.js';
import { runConfigCheck } from './run-config-check.js';

/** `faultline config check [FILE]`: validates a configuration file as `faultline serve` would read it. */
export const configCommand = defineCommand({
  name: 'config',
  summary: 'check a configuration file (faultline.yaml): every problem as path: problem',
  usage: 'check [FILE]',
  positionals: { max: 2, tooMany: 'config check takes one FILE' },
  options: {
    json: { type: 'boolean', description: 'print the validated config as JSON, secrets redacted' },
  },
  description: `
Reads FILE (YAML or JSON; default ./faultline.yaml when present, else the defaults) exactly as
"faultline serve --config FILE" would: \${NAME} values come from the environment, durations
such as 30s are read, defaults are filled in, and every key is checked against
docs/configuration.md.

Output: "ok: FILE" and a short summary on stdout, or with --json the whole validated config
(durations in milliseconds; API keys, tokens, routing keys, secrets, Slack and Teams URLs shown
as "[redacted]", and a password in a postgres:// store URL as "redacted").

When the file is not valid, standard error lists every problem, one "path: problem" a line
(an unknown key, a missing or bad value, a route naming no target, an unset variable, a YAML
syntax error with its line and column). Values from the environment are never shown.

A secret written in the file itself (an API key, token, routing key, webhook secret, Slack or
Teams URL, a password in a postgres:// store URL) rather than read through \${NAME} is valid
but warned about on standard error, "warning: path: a literal secret; ...", its value not shown.

Exit status: 0 when valid (warnings or not), 2 when not (or on a usage error).`,
  async run({ options, positionals }, io) {
    const [sub, file] = positionals;
    if (sub !== 'check')
      throw new UsageError(
        sub === undefined
          ? 'config needs a subcommand: check'
          : `unknown subcommand "${sub}"; use: config check [FILE]`,
      );
    return runConfigCheck(
      {
        ...(file === undefined ? {} : { file }),
        json: options.json,
        env: process.env,
        cwd: process.cwd(),
      },
      io,
    );
  },
});
