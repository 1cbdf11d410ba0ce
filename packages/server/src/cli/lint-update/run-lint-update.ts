/** `faultline lint-update`: checks an incident update's wording; see `LINT_UPDATE_HELP`. */
import { parseArgs } from 'node:util';
import { guessStage, lintUpdate, proposeRewrite, type IncidentInput } from '@faultline/core';
import { readText, TextTooLongError } from '../../io/read-text.js';
import { jsonForTerminal } from '../terminal-text.js';
import { UsageError } from '../usage-error.js';
import { readDiagnosisIncident } from './read-diagnosis.js';
import { renderFindings, type LintReport } from './render-findings.js';

export const LINT_UPDATE_HELP = `Usage: faultline lint-update "TEXT" [--diagnosis FILE] [--incident ID] [--json]

Checks a status update about an LLM incident for wording that invites a wrong reading, and for
what it must say (spec/diagnosis.md "The update text"): the layer that broke in plain words, whose
it is, which models or providers, and since when in UTC. TEXT "-" or absent reads standard input
(up to 1 MiB).

With --diagnosis, the update is also checked against a diagnosed incident (the output of
"faultline diagnose --json"): a claim about model quality when the model layer did not break, or
another layer or provider than the diagnosis found, is an error. A rewrite that passes is proposed.

Rules: vague-wording, missing-layer, missing-owner, missing-scope, missing-time, missing-fact
(warning), model-quality-claim, wrong-layer, wrong-provider.

Exit status: 0 when there are no errors (warnings allowed), 1 when there are, 2 on a usage
error or an unreadable diagnosis.

Options:
  --diagnosis FILE   a "faultline diagnose --json" document to check against
  --incident ID      which incident of that document (default: the first)
  --json             {"ok", "findings", "rewrite"} as JSON instead of text
  -h, --help         show this help
`;

/** The streams the command uses. */
export interface LintUpdateStreams {
  readonly stdin: NodeJS.ReadableStream & { isTTY?: boolean };
  readonly stdout: NodeJS.WriteStream;
  readonly stderr: NodeJS.WriteStream;
}

/** An update is a few paragraphs; more than this on standard input is not one (`< /dev/zero`). */
const MAX_UPDATE_BYTES = 1 << 20;

async function readUpdate(stdin: NodeJS.ReadableStream): Promise<string> {
  try {
    return await readText(stdin, MAX_UPDATE_BYTES);
  } catch (e: unknown) {
    if (e instanceof TextTooLongError) throw new UsageError(`the update TEXT: ${e.message}`);
    throw e;
  }
}

/** Runs the command; resolves with the exit status (0 no errors, 1 errors found). */
export async function runLintUpdate(
  args: readonly string[],
  io: LintUpdateStreams,
): Promise<number> {
  const { values, positionals } = parseArgs({
    args: [...args],
    allowPositionals: true,
    options: {
      diagnosis: { type: 'string' },
      incident: { type: 'string' },
      json: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    io.stdout.write(LINT_UPDATE_HELP);
    return 0;
  }
  if (positionals.length > 1)
    throw new UsageError('lint-update takes one TEXT; quote it, or use - for standard input');
  if (values.incident !== undefined && values.diagnosis === undefined) {
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
  let incident: IncidentInput | undefined;
  if (values.diagnosis !== undefined)
    incident = await readDiagnosisIncident(values.diagnosis, values.incident);
  const result = lintUpdate(text, incident === undefined ? {} : { incident });
  const report: LintReport =
    incident === undefined
      ? { result }
      : {
          result,
          rewrite: {
            incident: incident.id,
            stage: guessStage(text),
            text: proposeRewrite(text, incident),
          },
        };
  if (!values.json) io.stdout.write(renderFindings(report));
  else {
    const json = JSON.stringify(toJson(report), null, 2);
    io.stdout.write(`${io.stdout.isTTY === true ? jsonForTerminal(json) : json}\n`);
  }
  return result.ok ? 0 : 1;
}

function toJson(report: LintReport): object {
  const { ok, findings } = report.result;
  return { ok, findings, rewrite: report.rewrite ?? null };
}
