/** Checks an object's fields against a table of checks, reporting every problem. */
import type { Check } from './check.js';

declare const TABLE: unique symbol;

/**
 * Checks by field name, without a prototype (from {@link fieldChecks} only), so a key like
 * "constructor" finds nothing and a lookup needs no `hasOwn`.
 */
export type FieldChecks = Readonly<Record<string, Check>> & { readonly [TABLE]: true };

/** A {@link FieldChecks} table from `[field, check]` pairs, or from an object of them. */
export function fieldChecks(
  entries: ReadonlyArray<readonly [string, Check]> | Readonly<Record<string, Check>>,
): FieldChecks {
  const table = Object.create(null) as Record<string, Check>;
  const pairs: ReadonlyArray<readonly [string, Check]> = isPairs(entries)
    ? entries
    : Object.entries(entries);
  for (const [field, c] of pairs) table[field] = c;
  return table as FieldChecks;
}

function isPairs(
  entries: ReadonlyArray<readonly [string, Check]> | Readonly<Record<string, Check>>,
): entries is ReadonlyArray<readonly [string, Check]> {
  return Array.isArray(entries);
}

export interface CheckFieldsOptions {
  /** Fields that must be present. */
  readonly required?: readonly string[];
  /** What a field missing from the table is: fine (readers keep what they do not know), or a problem. */
  readonly unknown: 'allow' | 'reject';
  /** Whether `null` counts as absent (JSON exporters often write it for optional fields). */
  readonly nullIsAbsent?: boolean;
  /** The words for a missing required field and for an unknown one. */
  readonly words?: { readonly required: string; readonly unknown: string };
}

const WORDS = { required: 'required', unknown: 'unknown field' };

/**
 * Checks the fields of `value` present in `checks` (and, with `unknown: 'reject'`, that it has no
 * others), then that every `required` one is there; calls `report(into, field, reason)` for each
 * problem. Only the fields present are visited (`for…in`: a parsed JSON value's own fields), so
 * the cost follows the value, not the table. `into` is passed through so that a hot caller
 * needs no closure per value.
 */
export function checkFields<T>(
  value: Readonly<Record<string, unknown>>,
  checks: FieldChecks,
  options: CheckFieldsOptions,
  report: (into: T, field: string, reason: string) => void,
  into: T,
): void {
  const nullIsAbsent = options.nullIsAbsent === true;
  const reject = options.unknown === 'reject';
  for (const field in value) {
    const c = checks[field];
    if (c === undefined) {
      if (reject) report(into, field, (options.words ?? WORDS).unknown);
      continue;
    }
    const v = value[field];
    if (v === undefined || (nullIsAbsent && v === null)) continue;
    const why = c(v);
    if (why !== undefined) report(into, field, why);
  }
  for (const field of options.required ?? []) {
    const v = value[field];
    if (v === undefined || (nullIsAbsent && v === null))
      report(into, field, (options.words ?? WORDS).required);
  }
}
