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
  if (doc.errors.length === 0) {
    try {
      const document: unknown = doc.toJS({ maxAliasCount: 100 });
      // A circular alias (`&a [*a]`) builds a value that refers to itself: no config is.
      JSON.stringify(document);
      return { ok: true, document };
    } catch (e: unknown) {
      // Unresolved aliases, too many aliases, a merge of a non-map, a self-referring value.
      const why =
        e instanceof TypeError
          ? 'an alias refers to itself'
          : e instanceof Error
            ? e.message
            : String(e);
      return {
        ok: false,
        problems: [`(top level): cannot read the document: ${why.split('\n')[0] ?? 'bad alias'}`],
      };
    }
  }
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
