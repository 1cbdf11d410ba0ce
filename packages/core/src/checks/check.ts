/** Value checks: each says why a value is wrong, or nothing when it is fine. */

/** Returns why `value` is wrong (`"must be a string"`), or undefined when it is fine. */
export type Check = (value: unknown) => string | undefined;

/** A check from a predicate and the words for its failure. */
export function check(ok: (value: unknown) => boolean, problem: string): Check {
  return (v) => (ok(v) ? undefined : problem);
}

/** A JSON object: not null, not an array. */
export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

// Each check is its own function, not made by `check()`: validating a record calls them for every
// field, and a call site that sees one function stays fast where one shared wrapper would not.

/** Any string. */
export const string: Check = (v) => (typeof v === 'string' ? undefined : 'must be a string');
/** A string with at least one character. */
export const nonEmptyString: Check = (v) =>
  typeof v === 'string' && v.length > 0 ? undefined : 'must be a non-empty string';
/** true or false. */
export const boolean: Check = (v) => (typeof v === 'boolean' ? undefined : 'must be a boolean');
/** Any integer. */
export const integer: Check = (v) => (Number.isInteger(v) ? undefined : 'must be an integer');
/** An integer ≥ 0 (token counts). */
export const count: Check = (v) =>
  Number.isInteger(v) && (v as number) >= 0 ? undefined : 'must be a non-negative integer';
/** A finite number ≥ 0 (milliseconds, seconds). */
export const nonNegative: Check = (v) =>
  typeof v === 'number' && Number.isFinite(v) && v >= 0
    ? undefined
    : 'must be a non-negative number';
/** A finite number > 0. */
export const positive: Check = (v) =>
  typeof v === 'number' && Number.isFinite(v) && v > 0 ? undefined : 'must be a positive number';
/** A number from 0 to 1 (a probability, a share). */
export const share: Check = (v) =>
  typeof v === 'number' && v >= 0 && v <= 1 ? undefined : 'must be a number from 0 to 1';

/** An integer from `min` to `max` inclusive (an HTTP status range). */
export function integerFrom(min: number, max: number): Check {
  const problem = `must be an integer from ${min} to ${max}`;
  return (v) =>
    Number.isInteger(v) && (v as number) >= min && (v as number) <= max ? undefined : problem;
}

/** One of a fixed list of strings. */
export function oneOf(allowed: readonly string[]): Check {
  const problem = `must be one of ${allowed.join(', ')}`;
  return (v) => (typeof v === 'string' && allowed.includes(v) ? undefined : problem);
}
