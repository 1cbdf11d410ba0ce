/** A value's kind in words, for problems that must not quote the value itself. */

/** `null`, `array`, or the `typeof` of `value` (`string`, `number`, `object`, …). */
export function typeName(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}
