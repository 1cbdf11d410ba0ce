/** Which config fields hold secrets, and what they print as. */
import type { z } from 'zod';

/** What a secret prints as. */
export const REDACTED = '[redacted]';

/** Turns a value of a field into one safe to print. */
export type Redactor = (value: unknown) => unknown;

const REDACTORS = new WeakMap<z.core.$ZodType, Redactor>();
const SECRETS = new WeakSet<z.core.$ZodType>();

/** Marks `schema` so `redactConfig` passes its values through `redact`; returns `schema`. */
export function redactWith<S extends z.ZodType>(schema: S, redact: Redactor): S {
  REDACTORS.set(schema, redact);
  return schema;
}

/** Marks `schema` as a secret: its string values print as `[redacted]`; returns `schema`. */
export function secret<S extends z.ZodType>(schema: S): S {
  SECRETS.add(schema);
  return redactWith(schema, (value) => (typeof value === 'string' ? REDACTED : value));
}

/** How values of `schema` are made safe to print, when it is marked. */
export function redactorOf(schema: z.core.$ZodType): Redactor | undefined {
  return REDACTORS.get(schema);
}

/** Whether `schema` was marked with {@link secret} (the docs say so). */
export function isMarkedSecret(schema: z.core.$ZodType): boolean {
  return SECRETS.has(schema);
}
