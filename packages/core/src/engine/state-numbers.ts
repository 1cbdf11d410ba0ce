/** JSON has no NaN or ±Infinity: state numbers that may be "none yet" travel as null. */

/** `n` when finite, else `null`. */
export function orNull(n: number): number | null {
  return Number.isFinite(n) ? n : null;
}

/** `n` when it is a number, else `fallback` (the "none yet" value of that field). */
export function finiteOr(n: number | null, fallback: number): number {
  return n === null ? fallback : n;
}
