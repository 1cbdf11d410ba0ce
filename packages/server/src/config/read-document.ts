/** Config text → a plain value. One parser for both formats: JSON is a subset of YAML 1.2. */
import { parseDocument } from 'yaml';

/** The parsed document, or every syntax problem with its line and column. */
export type ReadDocument =
  | { readonly ok: true; readonly document: unknown }
  | { readonly ok: false; readonly problems: readonly string[] };

/**
 * Parses YAML or JSON text. The YAML parser reads JSON too and, unlike Node 20's JSON.parse,
 * names the line and column of every syntax error.
 */
export function readDocument(text: string): ReadDocument {
  // `uniqueKeys` (the default) makes a repeated key an error rather than the last one winning.
  const doc = parseDocument(text, { prettyErrors: false });
  if (doc.errors.length === 0) return { ok: true, document: doc.toJS({ maxAliasCount: 100 }) };
  const problems = doc.errors.map((e) => {
    const pos = lineColumn(text, e.pos[0]);
    return `line ${pos.line}, column ${pos.column}: ${e.message.split('\n')[0] ?? e.code}`;
  });
  return { ok: false, problems };
}

/** The 1-based line and column of character `offset` in `text`. */
function lineColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  return { line: before.split('\n').length, column: offset - before.lastIndexOf('\n') };
}
