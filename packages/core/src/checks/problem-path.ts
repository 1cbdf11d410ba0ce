/** Paths and `path: problem` lines for the problems a check finds in nested values. */

/** The path of a field under `path`: `at('', 'x')` is `x`, `at('a', 'x')` is `a.x`, `at('a', 0)` is `a[0]`. */
export function at(path: string, key: string | number): string {
  if (typeof key === 'number') return `${path}[${key}]`;
  return path === '' ? key : `${path}.${key}`;
}

/** A problem line; the empty path prints as `(root)`. */
export function problem(path: string, reason: string): string {
  return `${path === '' ? '(root)' : path}: ${reason}`;
}
