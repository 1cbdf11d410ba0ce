/** A copy of the config safe to log or print: every field marked secret replaced. */
import type { z } from 'zod';
import type { FaultlineConfig } from './config-schema.js';
import { configSchema } from './config-schema.js';
import { redactorOf } from './secret.js';

/**
 * The config with API keys, tokens, routing keys, webhook secrets, Slack and Teams URLs and a
 * PostgreSQL password replaced by "[redacted]", for logs and `faultline config check --json`.
 */
export function redactConfig(config: FaultlineConfig): FaultlineConfig {
  return redact(configSchema, config) as FaultlineConfig;
}

/** Walks `value` along `schema`'s definition; marked schemas redact their value. */
function redact(schema: z.core.$ZodType, value: unknown): unknown {
  const redactor = redactorOf(schema);
  if (redactor !== undefined) return redactor(value);
  // $ZodTypes is zod's union of its schema classes: switching on `def.type` narrows `def`.
  const def = (schema as z.core.$ZodTypes)._zod.def;
  switch (def.type) {
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
      return value === undefined || value === null ? value : redact(def.innerType, value);
    case 'pipe':
      return redact(def.in, value);
    case 'array':
      return Array.isArray(value) ? value.map((v: unknown) => redact(def.element, v)) : value;
    case 'record':
      return isRecord(value) ? mapValues(value, (v) => redact(def.valueType, v)) : value;
    case 'object':
      return isRecord(value)
        ? mapValues(value, (v, k) =>
            k in def.shape ? redact(def.shape[k] as z.core.$ZodType, v) : v,
          )
        : value;
    case 'union':
      return redactUnion(def.options, value);
    default:
      return value;
  }
}

/** A discriminated union: the option whose literal matches; a plain union holds no secrets. */
function redactUnion(options: readonly z.core.$ZodType[], value: unknown): unknown {
  if (!isRecord(value)) return value;
  const option = options.find((o) => {
    const values = o._zod.propValues;
    return (
      values !== undefined && Object.entries(values).every(([k, vs]) => vs.has(value[k] as never))
    );
  });
  return option === undefined ? value : redact(option, value);
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
