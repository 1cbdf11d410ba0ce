/** Small composable checks for reading JSON: each returns every `path: problem` line it finds. */
import { parseTimestamp } from '../records/index.js';

/** A check of the value at `path`: its problems as `path: problem` lines, none when fine. */
export type Check = (value: unknown, path: string) => string[];
/** The checks of an object's fields, by field name. */
export type Shape = Readonly<Record<string, Check>>;

/** A JSON object (not null, not an array). */
export function isFields(v: unknown): v is Readonly<Record<string, unknown>> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** A check from a predicate and the words for its failure. */
const test =
  (ok: (v: unknown) => boolean, problem: string): Check =>
  (v, path) =>
    ok(v) ? [] : [`${path}: ${problem}`];

export const str = test((v) => typeof v === 'string', 'must be a string');
export const nonEmpty = test(
  (v) => typeof v === 'string' && v !== '',
  'must be a non-empty string',
);
export const num = test((v) => typeof v === 'number' && Number.isFinite(v), 'must be a number');
export const count = test(
  (v) => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0,
  'must be a whole number ≥ 0',
);
export const share = test(
  (v) => typeof v === 'number' && v >= 0 && v <= 1,
  'must be a number from 0 to 1',
);
export const time = test(
  (v) => typeof v === 'string' && parseTimestamp(v) !== undefined,
  'must be an RFC 3339 time',
);
export const strings = test(
  (v) => Array.isArray(v) && v.every((s) => typeof s === 'string'),
  'must be an array of strings',
);

/** `null` or what `check` accepts. */
export const nullable =
  (check: Check): Check =>
  (v, path) =>
    v === null ? [] : check(v, path).map((p) => `${p} or null`);

/** One of `allowed`. */
export const oneOf = (allowed: readonly string[], extra = ''): Check =>
  test(
    (v) => typeof v === 'string' && allowed.includes(v),
    `must be one of ${allowed.join(', ')}${extra}`,
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
