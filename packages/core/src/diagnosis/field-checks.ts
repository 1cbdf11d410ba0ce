/** Composable checks for nested JSON, built on core's value checks: each returns every `path: problem` line. */
import {
  check,
  isObject,
  nonEmptyString,
  share as shareCheck,
  string,
  type Check as ValueCheck,
} from '../checks/index.js';
import { parseTimestamp } from '../records/index.js';

/** A check of the value at `path`: its problems as `path: problem` lines, none when fine. */
export type Check = (value: unknown, path: string) => string[];
/** The checks of an object's fields, by field name. */
export type Shape = Readonly<Record<string, Check>>;

/** A JSON object (not null, not an array). */
export const isFields: (v: unknown) => v is Readonly<Record<string, unknown>> = isObject;

/** The check at a path made from a value check: its reason as one `path: reason` line. */
export const atPath =
  (c: ValueCheck): Check =>
  (v, path) => {
    const why = c(v);
    return why === undefined ? [] : [`${path}: ${why}`];
  };

export const str = atPath(string);
export const nonEmpty = atPath(nonEmptyString);
export const num = atPath(
  check((v) => typeof v === 'number' && Number.isFinite(v), 'must be a number'),
);
export const count = atPath(
  check(
    (v) => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0,
    'must be a whole number ≥ 0',
  ),
);
export const share = atPath(shareCheck);
export const time = atPath(
  check(
    (v) => typeof v === 'string' && parseTimestamp(v) !== undefined,
    'must be an RFC 3339 time',
  ),
);
export const strings = atPath(
  check(
    (v) => Array.isArray(v) && v.every((s) => typeof s === 'string'),
    'must be an array of strings',
  ),
);

/** `null` or what `check` accepts. */
export const nullable =
  (check: Check): Check =>
  (v, path) =>
    v === null ? [] : check(v, path).map((p) => `${p} or null`);

/** One of `allowed`. */
export const oneOf = (allowed: readonly string[], extra = ''): Check =>
  atPath(
    check(
      (v) => typeof v === 'string' && allowed.includes(v),
      `must be one of ${allowed.join(', ')}${extra}`,
    ),
  );

/** An object of `shape` (other fields are allowed: readers take what they know). */
export const objectOf =
  (shape: Shape): Check =>
  (v, path) => {
    if (!isFields(v)) return [`${path}: must be an object`];
    return Object.entries(shape).flatMap(([field, check]) => check(v[field], `${path}.${field}`));
  };

/** An array whose items pass `item`. */
export const arrayOf =
  (item: Check): Check =>
  (v, path) =>
    Array.isArray(v)
      ? v.flatMap((x: unknown, i) => item(x, `${path}[${i}]`))
      : [`${path}: must be an array`];

/** An object discriminated by `field`: each value of it has its own shape. */
export const unionOf =
  (field: string, shapes: Readonly<Record<string, Shape>>): Check =>
  (v, path) => {
    if (!isFields(v)) return [`${path}: must be an object`];
    const tag = v[field];
    const shape = typeof tag === 'string' && Object.hasOwn(shapes, tag) ? shapes[tag] : undefined;
    if (shape === undefined)
      return [`${path}.${field}: must be one of ${Object.keys(shapes).join(', ')}`];
    return objectOf(shape)(v, path);
  };
