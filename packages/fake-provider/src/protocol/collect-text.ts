/** Pulls the prompt text out of message structures (strings, content blocks, Gemini parts). */

/**
 * Appends every `text` found in `value` to `out`: strings themselves, `text` fields, and the
 * contents of `content` / `parts` arrays, to a small fixed depth.
 */
export function collectText(value: unknown, out: string[], depth = 0): void {
  if (depth > 5 || value === null || value === undefined) return;
  if (typeof value === 'string') {
    out.push(value);
    return;
  }
  if (Array.isArray(value)) {
    for (const item of value) collectText(item, out, depth + 1);
    return;
  }
  if (typeof value !== 'object') return;
  const v = value as Record<string, unknown>;
  if (typeof v['text'] === 'string') out.push(v['text']);
  if (v['content'] !== undefined) collectText(v['content'], out, depth + 1);
  if (v['parts'] !== undefined) collectText(v['parts'], out, depth + 1);
}

/** Whether `value` is a finite number. */
export function isNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

/** `value[key]` when `value` is an object, else undefined. */
export function field(value: unknown, key: string): unknown {
  return typeof value === 'object' && value !== null
    ? (value as Record<string, unknown>)[key]
    : undefined;
}
