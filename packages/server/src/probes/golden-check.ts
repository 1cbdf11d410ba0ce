/** A golden canary's expectation as an output check: does the answer match the known answer? */
import { z } from 'zod';
import type { GoldenExpect } from '../config/index.js';

/** Judges one answer's full text; true = the known answer was given. */
export type GoldenJudge = (answer: string) => boolean;

/**
 * The judge for `expect` (config `golden[].expect`, already validated): `contains` is a
 * substring test, `equals` compares the trimmed answer, `regex` a JavaScript RegExp test,
 * `json_schema` parses the trimmed answer as JSON and validates it (zod's JSON Schema reader).
 * Throws a configuration error for a JSON Schema zod cannot read (an unresolvable `$ref`).
 */
export function goldenJudge(expect: GoldenExpect): GoldenJudge {
  if ('contains' in expect) return (answer) => answer.includes(expect.contains);
  if ('equals' in expect) return (answer) => answer.trim() === expect.equals;
  if ('regex' in expect) {
    const re = new RegExp(expect.regex);
    return (answer) => re.test(answer);
  }
  const schema = z.fromJSONSchema(
    withRequiredProperties(expect.json_schema) as Record<string, unknown>,
  );
  return (answer) => {
    let value: unknown;
    try {
      value = JSON.parse(answer.trim());
    } catch {
      return false; // not JSON at all: the known answer was not given
    }
    return schema.safeParse(value).success;
  };
}

/**
 * The schema with every `required` name also listed in `properties` (as `{}` when absent):
 * zod's reader enforces `required` only for names it has a property schema for, while JSON
 * Schema requires them regardless (draft 2020-12 validation §6.5.3).
 */
function withRequiredProperties(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(withRequiredProperties);
  if (typeof schema !== 'object' || schema === null) return schema;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(schema)) out[key] = withRequiredProperties(value);
  const required = out['required'];
  if (Array.isArray(required)) {
    const props = { ...(out['properties'] as Record<string, unknown> | undefined) };
    for (const name of required) if (typeof name === 'string') props[name] ??= {};
    out['properties'] = props;
  }
  return out;
}

/** The JSON Schema a golden wants its answer to follow, to ask for JSON output; else undefined. */
export function goldenJsonSchema(
  expect: GoldenExpect,
): Readonly<Record<string, unknown>> | undefined {
  return 'json_schema' in expect ? expect.json_schema : undefined;
}
