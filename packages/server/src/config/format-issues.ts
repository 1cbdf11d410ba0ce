/** zod's issues → `path: problem` lines in our words; values from the environment never shown. */
import type { z } from 'zod';
import { formatPath } from './config-path.js';
import type { Expansion } from './expand-env.js';
import { typeName } from './type-name.js';

/** zod's error map for config parsing: messages that name what was expected, not the value. */
export function configErrorMap(issue: z.core.$ZodRawIssue): string | undefined {
  if (issue.code === 'invalid_type')
    return issue.input === undefined
      ? 'required'
      : `expected ${issue.expected}, got ${typeName(issue.input)}`;
  if (issue.code === 'invalid_value') return `expected one of: ${listed(issue.values)}`;
  // A discriminated union names its discriminator's values (zod adds them to the issue).
  const options = (issue as { options?: unknown }).options;
  if (issue.code === 'invalid_union' && Array.isArray(options))
    return `expected one of: ${listed(options)}`;
  return undefined;
}

function listed(values: unknown): string {
  return Array.isArray(values) ? values.map(String).join(', ') : '';
}

/** One line per problem; an unknown key is its own line at its own path. */
export function formatIssues(
  issues: readonly z.core.$ZodIssue[],
  expansions: readonly Expansion[],
): string[] {
  return issues
    .flatMap((issue) => issueLines(issue, []))
    .map((line) => hideExpansions(line, expansions));
}

function issueLines(issue: z.core.$ZodIssue, at: readonly PropertyKey[]): string[] {
  const path = [...at, ...issue.path];
  if (issue.code === 'unrecognized_keys')
    return issue.keys.map((key) => `${formatPath([...path, key])}: unknown key`);
  if (issue.code === 'invalid_union' && issue.errors.length > 0) {
    // A value-or-list field: the alternative that got furthest into the value says what is wrong.
    const depth = (branch: readonly z.core.$ZodIssue[]) =>
      Math.max(...branch.map((i) => i.path.length));
    const best = [...issue.errors].sort((a, b) => depth(b) - depth(a))[0] ?? [];
    return best.flatMap((i) => issueLines(i, path));
  }
  return [`${formatPath(path)}: ${issue.message}`];
}

/**
 * A problem about a value that came from `${NAME}` shows the reference, not the value: a mistyped
 * secret must not end up in a terminal or a CI log.
 */
function hideExpansions(line: string, expansions: readonly Expansion[]): string {
  let out = line;
  for (const e of expansions) {
    // Short values are hidden only in problems at their own path, lest "1" garble "probes[1]".
    if (e.value === '' || (e.value.length < 8 && !out.startsWith(e.path))) continue;
    out = out.split(JSON.stringify(e.value)).join(JSON.stringify(e.template));
    out = out.split(e.value).join(e.template);
  }
  return out;
}
