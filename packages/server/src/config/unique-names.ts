/** The cross-field check that names in a list are unique. */
import type { z } from 'zod';

/** Where the list is (relative to the refined value) and whether its values may be shown. */
export interface UniqueOptions {
  /** The list's path from the value being refined; [] when it is the list itself. */
  readonly at?: readonly (string | number)[];
  /** false: the problem does not quote the value (tokens, whose values are secrets). */
  readonly quote?: boolean;
}

/** Adds a problem at `items[i].<key>` for each item whose `key` repeats an earlier one. */
export function checkUnique<T>(
  items: readonly T[],
  key: keyof T & string,
  ctx: z.RefinementCtx,
  options: UniqueOptions = {},
): void {
  const seen = new Map<unknown, number>();
  items.forEach((item, i) => {
    const value = item[key];
    const first = seen.get(value);
    if (first === undefined) {
      seen.set(value, i);
      return;
    }
    const what = options.quote === false ? '' : `${JSON.stringify(value)} `;
    const path = [...(options.at ?? []), i, key];
    ctx.addIssue({ code: 'custom', path, message: `${what}repeats [${first}].${key}` });
  });
}
