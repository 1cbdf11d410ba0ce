/** The fake provider's value checks: core's shared ones, plus the rule for its fields' problems. */
import {
  at,
  checkFields as checkEachField,
  fieldChecks,
  integerFrom,
  problem,
  type Check,
} from '@faultline/core';

/** An HTTP error status, 400–599. */
export const errorStatus: Check = integerFrom(400, 599);

const WORDS = { required: 'is required', unknown: 'unknown field' } as const;

/**
 * Checks the fields of `value` (at `path`) against `checks`: unknown keys and missing `required`
 * ones count; each problem is pushed onto `problems` as `path: problem`.
 */
export function checkFields(
  value: Record<string, unknown>,
  path: string,
  checks: Readonly<Record<string, Check>>,
  required: readonly string[],
  problems: string[],
): void {
  checkEachField(
    value,
    fieldChecks(checks),
    { required, unknown: 'reject', words: WORDS },
    (into: string[], field, why) => into.push(problem(at(path, field), why)),
    problems,
  );
}
