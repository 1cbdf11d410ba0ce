/** Parses a JSON document against a zod schema; a miss is a `detail`, never an exception. */
import type { z } from 'zod';

/** The parsed document, or what was wrong with it (first few schema issues, paths only). */
export type JsonRead<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly detail: string };

/** Parses `text` as JSON and validates it with `schema`. */
export function readJson<S extends z.ZodType>(text: string, schema: S): JsonRead<z.output<S>> {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    return { ok: false, detail: 'not valid JSON' };
  }
  const parsed = schema.safeParse(doc);
  if (parsed.success) return { ok: true, value: parsed.data };
  const issues = parsed.error.issues
    .slice(0, 3)
    .map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`);
  return { ok: false, detail: `schema mismatch: ${issues.join('; ')}` };
}
