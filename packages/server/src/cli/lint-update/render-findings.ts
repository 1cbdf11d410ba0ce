/** The people-facing form of a lint result: one line per finding, a count, the proposed rewrite. */
import type { LintResult } from '@faultline/core';
import { terminalSafe } from '../terminal-text.js';

/** What `faultline lint-update` prints: the findings, and the rewrite when there is one. */
export interface LintReport {
  readonly result: LintResult;
  readonly rewrite?: { readonly incident: string; readonly stage: string; readonly text: string };
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** Renders the report for a terminal or a log. */
export function renderFindings(report: LintReport): string {
  const { findings } = report.result;
  const lines = findings.map((f) => {
    const where = f.start === undefined ? '' : ` (at ${f.start}–${f.end ?? f.start})`;
    return `${f.severity.padEnd(7)} ${f.rule.padEnd(19)} ${terminalSafe(f.message)}${where}`;
  });
  const errors = findings.filter((f) => f.severity === 'error').length;
  const warnings = findings.length - errors;
  lines.push(
    findings.length === 0
      ? 'No problems found: the update names the layer, the owner, the scope and the time.'
      : `${plural(errors, 'error')}, ${plural(warnings, 'warning')}`,
  );
  if (report.rewrite !== undefined) {
    const { incident, stage, text } = report.rewrite;
    lines.push(
      '',
      `Proposed rewrite (${terminalSafe(incident)}, ${stage}):`,
      '',
      terminalSafe(text),
    );
  }
  return `${lines.join('\n')}\n`;
}
