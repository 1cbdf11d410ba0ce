/** `${NAME}` in string values replaced by the environment variable NAME (spec/config.md). */
import { formatPath } from './config-path.js';

/** The environment the config reads: `process.env` in the CLI, any record in tests. */
export type Env = Readonly<Record<string, string | undefined>>;

/** A value that came from the environment: where, and the text it replaced. */
export interface Expansion {
  readonly path: string;
  readonly template: string;
  readonly value: string;
}

/** The document with every `${NAME}` replaced, what was replaced, and the problems. */
export interface Expanded {
  readonly document: unknown;
  readonly expansions: readonly Expansion[];
  readonly problems: readonly string[];
  /** Paths of the values whose expansion failed: their other problems would only be noise. */
  readonly failed: ReadonlySet<string>;
}

// `$${` writes a literal `${`; anything else in braces must be a variable name.
const REFERENCE = /\$\$\{|\$\{([^}]*)\}/g;
const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** Replaces `${NAME}` in every string value of `document` (keys are left alone). */
export function expandEnv(document: unknown, env: Env): Expanded {
  const expansions: Expansion[] = [];
  const problems: string[] = [];
  const failed = new Set<string>();
  const visit = (value: unknown, path: PropertyKey[]): unknown => {
    if (typeof value === 'string') return expandString(value, path);
    if (Array.isArray(value)) return value.map((v, i) => visit(v, [...path, i]));
    if (value !== null && typeof value === 'object')
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, visit(v, [...path, k])]));
    return value;
  };
  const expandString = (text: string, path: PropertyKey[]): string => {
    let used = false;
    const out = text.replace(REFERENCE, (whole, name: string | undefined) => {
      if (name === undefined) return '${';
      used = true;
      const where = formatPath(path);
      const value = NAME.test(name) ? env[name] : undefined;
      if (value === undefined) failed.add(where);
      if (!NAME.test(name))
        problems.push(
          `${where}: ${JSON.stringify(whole)} is not a variable; write \${NAME}: letters, digits, _`,
        );
      else if (value === undefined)
        problems.push(`${where}: environment variable ${name} is not set`);
      return value ?? '';
    });
    if (used) expansions.push({ path: formatPath(path), template: text, value: out });
    return out;
  };
  return { document: visit(document, []), expansions, problems, failed };
}
