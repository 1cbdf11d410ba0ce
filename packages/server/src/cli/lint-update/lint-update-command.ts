/** `faultline lint-update`: the command's options, help and argument handling. */
import { UsageError } from '@faultline/core';
import { defineCommand } from '../command/define-command.js';
import { readUpdate } from './read-update.js';
import { runLintUpdate } from './run-lint-update.js';

/** `faultline lint-update "TEXT"`: checks an incident update's wording. */
export const lintUpdateCommand = defineCommand({
  name: 'lint-update',
  summary: 'flag wording in a status update that invites the wrong reading',
  usage: '"TEXT"',
  positionals: {
    max: 1,
    tooMany: 'lint-update takes one TEXT; quote it, or use - for standard input',
  },
  options: {
    diagnosis: {
      type: 'string',
      value: 'FILE',
      description: 'a "faultline diagnose --json" document to check against',
    },
    incident: {
      type: 'string',
      value: 'ID',
      description: 'which incident of that document',
      defaultHelp: 'the first',
    },
    json: { type: 'boolean', description: '{"ok", "findings", "rewrite"} as JSON instead of text' },
  },
  description: `
Checks a status update about an LLM incident for wording that invites a wrong reading, and for
what it must say (docs/diagnosis.md "The update text"): the layer that broke in plain words, whose
it is, which models or providers, and since when in UTC. TEXT "-" or absent reads standard input
(up to 1 MiB).

With --diagnosis, the update is also checked against a diagnosed incident (the output of
"faultline diagnose --json"): a claim about model quality when the model layer did not break, or
another layer or provider than the diagnosis found, is an error. A rewrite that passes is proposed.

Rules: vague-wording, missing-layer, missing-owner, missing-scope, missing-time, missing-fact
(warning), model-quality-claim, wrong-layer, wrong-provider.

Exit status: 0 when there are no errors (warnings allowed), 1 when there are, 2 on a usage
error or an unreadable diagnosis.`,
  async run({ options, positionals }, io) {
    if (options.incident !== undefined && options.diagnosis === undefined) {
      throw new UsageError('--incident needs --diagnosis FILE');
    }
    const arg = positionals[0] ?? '-';
    if (arg === '-' && io.stdin.isTTY === true) {
      if (positionals.length === 0)
        throw new UsageError('give the update TEXT, or pipe it on standard input');
      io.stderr.write('faultline: reading the update from standard input (end with Ctrl-D)\n');
    }
    const text = arg === '-' ? (await readUpdate(io.stdin)).trimEnd() : arg;
    if (text.trim() === '') throw new UsageError('the update TEXT is empty');
    return runLintUpdate(
      { text, diagnosis: options.diagnosis, incident: options.incident, json: options.json },
      io,
    );
  },
});
