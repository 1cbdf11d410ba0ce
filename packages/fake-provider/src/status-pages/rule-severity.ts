/** How bad a fault looks on a status page, and which page components a rule touches (pure). */
import { compileGlob, type FaultRule } from '../faults/index.js';
import type { Provider } from '../protocol/index.js';
import type { StatusPageComponent } from './status-page.js';

/** Component impact levels, mildest first, in Statuspage's words (status-pages.md §1.1). */
export const SEVERITIES = ['degraded_performance', 'partial_outage', 'major_outage'] as const;
/** One of {@link SEVERITIES}. */
export type Severity = (typeof SEVERITIES)[number];

/**
 * The impact a rule's fault shows as: slowness and bad output are `degraded_performance`; errors
 * (an error status from 429 up, overload, an edge page, resets, drops, stream errors, stalls) are
 * `major_outage` when they hit at least half the matching calls, else `partial_outage`; other
 * 4xx statuses are `degraded_performance`.
 */
export function ruleSeverity(rule: FaultRule): Severity {
  const { fault } = rule;
  const heavy = (rule.probability ?? 1) >= 0.5;
  switch (fault.kind) {
    case 'latency':
    case 'slow_tokens':
    case 'empty':
    case 'truncate':
    case 'refusal':
    case 'malformed_json':
    case 'garbled':
      return 'degraded_performance';
    case 'status':
      if (fault.status < 429) return 'degraded_performance';
      return heavy ? 'major_outage' : 'partial_outage';
    default:
      return heavy ? 'major_outage' : 'partial_outage';
  }
}

/** The worse of two impacts (undefined is none). */
export function worse(a: Severity | undefined, b: Severity | undefined): Severity | undefined {
  if (a === undefined) return b;
  if (b === undefined) return a;
  return SEVERITIES.indexOf(a) >= SEVERITIES.indexOf(b) ? a : b;
}

/** The worst impact among the rules of `rules` that touch `component`, or undefined. */
export function worstTouching(
  rules: readonly FaultRule[],
  touches: (rule: FaultRule) => boolean,
): Severity | undefined {
  let worst: Severity | undefined;
  for (const rule of rules) {
    // A fixed answer is no outage: it is how tests answer known-answer prompts, and a page does
    // not post a model's wrong answers (quality regressions go unlisted).
    if (rule.fault.kind === 'answer' || !touches(rule)) continue;
    worst = worse(worst, ruleSeverity(rule));
  }
  return worst;
}

/**
 * Whether a rule's faults reach `component` of a page about `provider`: the rule names that
 * provider or none, and its model (or any model) meets one of the component's model globs —
 * either glob matching the other's text, which is exact for the usual `*`, `claude-*` or names.
 */
export function ruleTouches(
  provider: Provider,
  component: StatusPageComponent,
): (rule: FaultRule) => boolean {
  const globs = component.models.map((m) => ({ text: m, matches: compileGlob(m) }));
  return (rule) => {
    if (rule.provider !== undefined && rule.provider !== provider) return false;
    if (globs.length === 0) return false;
    const model = rule.model;
    if (model === undefined) return true;
    const ruleGlob = compileGlob(model);
    return globs.some((g) => g.text === '*' || g.matches(model) || ruleGlob(g.text));
  };
}
