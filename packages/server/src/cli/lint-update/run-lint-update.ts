/** The work of `faultline lint-update`: lints the text, against a diagnosed incident when given one. */
import { guessStage, lintUpdate, proposeRewrite, type IncidentInput } from '@faultline/core';
import type { CliStreams } from '../command/define-command.js';
import { jsonForTerminal } from '../terminal-text.js';
import { readDiagnosisIncident } from './read-diagnosis.js';
import { renderFindings, type LintReport } from './render-findings.js';

/** What to lint, and how to answer. */
export interface LintUpdateOptions {
  /** The update's text (not empty). */
  readonly text: string;
  /** A `faultline diagnose --json` file to check against. */
  readonly diagnosis: string | undefined;
  /** Which incident of it (default: the first). */
  readonly incident: string | undefined;
  /** `{ok, findings, rewrite}` as JSON instead of text. */
  readonly json: boolean;
}

/** Lints and prints the findings; resolves with the exit status (0 no errors, 1 errors found). */
export async function runLintUpdate(o: LintUpdateOptions, io: CliStreams): Promise<number> {
  const { text } = o;
  let incident: IncidentInput | undefined;
  if (o.diagnosis !== undefined) incident = await readDiagnosisIncident(o.diagnosis, o.incident);
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
  if (!o.json) io.stdout.write(renderFindings(report));
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
