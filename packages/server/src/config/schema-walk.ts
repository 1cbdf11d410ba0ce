/** Walks a config value along its zod schema, so marked fields (secrets) can be found or replaced. */
import type { z } from 'zod';

/** Called at every schema on the way; a result replaces the value there and ends the descent. */
export type SchemaVisitor = (
  schema: z.core.$ZodType,
  value: unknown,
  path: readonly PropertyKey[],
) => { readonly value: unknown } | undefined;

/** `value` rebuilt along `schema`, with what `visit` replaced. */
export function walkSchema(
  schema: z.core.$ZodType,
  value: unknown,
  visit: SchemaVisitor,
  path: readonly PropertyKey[] = [],
): unknown {
  const hit = visit(schema, value, path);
  if (hit !== undefined) return hit.value;
  const down = (s: z.core.$ZodType, v: unknown, key?: PropertyKey): unknown =>
    walkSchema(s, v, visit, key === undefined ? path : [...path, key]);
  // $ZodTypes is zod's union of its schema classes: switching on `def.type` narrows `def`.
  const def = (schema as z.core.$ZodTypes)._zod.def;
  switch (def.type) {
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
      return value === undefined || value === null ? value : down(def.innerType, value);
    case 'pipe':
      return down(def.in, value);
    case 'array':
      return Array.isArray(value) ? value.map((v: unknown, i) => down(def.element, v, i)) : value;
    case 'record':
      return isRecord(value) ? mapValues(value, (v, k) => down(def.valueType, v, k)) : value;
    case 'object':
      return isRecord(value)
        ? mapValues(value, (v, k) =>
            k in def.shape ? down(def.shape[k] as z.core.$ZodType, v, k) : v,
          )
        : value;
    case 'union': {
      const option = unionOption(def.options, value);
      return option === undefined ? value : down(option, value);
    }
    default:
      return value;
  }
}

/** A discriminated union's option whose literal matches; a plain union holds no marked fields. */
function unionOption(
  options: readonly z.core.$ZodType[],
  value: unknown,
): z.core.$ZodType | undefined {
  if (!isRecord(value)) return undefined;
  return options.find((o) => {
    const values = o._zod.propValues;
    return (
      values !== undefined && Object.entries(values).every(([k, vs]) => vs.has(value[k] as never))
    );
  });
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function mapValues(
  o: Record<string, unknown>,
  f: (v: unknown, k: string) => unknown,
): Record<string, unknown> {
  return Object.fromEntries(Object.entries(o).map(([k, v]) => [k, f(v, k)]));
}
