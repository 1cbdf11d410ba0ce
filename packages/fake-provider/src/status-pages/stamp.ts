/** Times as written on the pages. */

/** Writes a fake-clock time on a page: ISO-8601 UTC, after the page's own clock mapping. */
export type Stamp = (fakeMs: number) => string;

/** A {@link Stamp} through `toPageMs` (identity by default). */
export function createStamp(toPageMs: (fakeMs: number) => number = (ms) => ms): Stamp {
  return (ms) => new Date(Math.round(toPageMs(ms))).toISOString();
}
