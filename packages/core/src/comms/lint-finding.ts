/** What `lintUpdate` reports: the rules, their findings and the context it checks against. */
import type { IncidentInput } from '../diagnosis/index.js';

/** Every rule `lintUpdate` applies, by stable id. */
export const LINT_RULES = [
  'vague-wording',
  'missing-layer',
  'missing-owner',
  'missing-scope',
  'missing-time',
  'missing-fact',
  'model-quality-claim',
  'wrong-layer',
  'wrong-provider',
] as const;
export type LintRule = (typeof LINT_RULES)[number];

export const LINT_SEVERITIES = ['error', 'warning'] as const;
export type LintSeverity = (typeof LINT_SEVERITIES)[number];

/** One problem in an update; `start`/`end` are UTF-16 offsets into the text, `excerpt` the span. */
export interface LintFinding {
  readonly rule: LintRule;
  readonly severity: LintSeverity;
  readonly message: string;
  readonly excerpt?: string;
  readonly start?: number;
  readonly end?: number;
}

/** `ok` is false when any finding is an error. */
export interface LintResult {
  readonly ok: boolean;
  readonly findings: readonly LintFinding[];
}

/** What the text is checked against, besides the rules themselves. */
export interface LintContext {
  /** The diagnosed incident: enables `wrong-layer`, `model-quality-claim` and `wrong-provider`. */
  readonly incident?: IncidentInput;
  /** Display names by provider id, as given to `draftUpdate`. */
  readonly providerNames?: Readonly<Record<string, string>>;
}
