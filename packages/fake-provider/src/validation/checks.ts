/** Small value checks that collect `path: problem` lines instead of stopping at the first. */

/** Returns why a value is wrong, or undefined when it is fine. */
export type Check = (value: unknown) => string | undefined;

/** The path of a field under `path`; `at('', 'x')` is `x`, `at('a', 0)` is `a[0]`. */
export function at(path: string, key: string | number): string {
  if (typeof key === 'number') return `${path}[${key}]`;
  return path === '' ? key : `${path}.${key}`;
}

/** A problem line; the empty path prints as `(root)`. */
export function problem(path: string, message: string): string {
  return `${path === '' ? '(root)' : path}: ${message}`;
}

/** A plain object (not null, not an array). */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Checks the fields of `value` against `checks`; missing `required` ones and unknown keys count. */
export function checkFields(
  value: Record<string, unknown>,
  path: string,
  checks: Readonly<Record<string, Check>>,
  required: readonly string[],
  problems: string[],
): void {
  for (const key of Object.keys(value)) {
    const check = Object.hasOwn(checks, key) ? checks[key] : undefined;
    if (check === undefined) {
      problems.push(problem(at(path, key), 'unknown field'));
      continue;
    }
    const why = check(value[key]);
    if (why !== undefined) problems.push(problem(at(path, key), why));
  }
  for (const key of required) {
    if (value[key] === undefined) problems.push(problem(at(path, key), 'is required'));
  }
}

/** A non-empty string. */
export const string: Check = (v) =>
  typeof v === 'string' && v.length > 0 ? undefined : 'must be a non-empty string';
/** true or false. */
export const boolean: Check = (v) => (typeof v === 'boolean' ? undefined : 'must be a boolean');
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
/** A number in [0, 1]. */
export const probability: Check = (v) =>
  typeof v === 'number' && v >= 0 && v <= 1 ? undefined : 'must be a number from 0 to 1';
/** An HTTP error status, 400–599. */
export const errorStatus: Check = (v) =>
  Number.isInteger(v) && (v as number) >= 400 && (v as number) <= 599
    ? undefined
    : 'must be an integer from 400 to 599';
/** Any integer. */
export const integer: Check = (v) => (Number.isInteger(v) ? undefined : 'must be an integer');

/** One of a fixed list of strings. */
export function oneOf(allowed: readonly string[]): Check {
  return (v) =>
    typeof v === 'string' && allowed.includes(v)
      ? undefined
      : `must be one of ${allowed.join(', ')}`;
}
