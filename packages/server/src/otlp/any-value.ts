/** Reads OTLP `KeyValue` lists and `AnyValue`s in the proto3 JSON shape (OTLP spec, JSON encoding). */
import type { AttributeValue, Attributes } from './otlp-span.js';

/** Lists and maps nested deeper than this are dropped: no value the mapping reads nests at all. */
const MAX_DEPTH = 8;

/** A JSON object, or `undefined`. */
export function asObject(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}

/**
 * A 64-bit integer written as a decimal string (proto3 JSON) or a number (accepted too, OTLP spec);
 * `undefined` otherwise.
 */
export function toBigInt(value: unknown): bigint | undefined {
  if (typeof value === 'number') return Number.isInteger(value) ? BigInt(value) : undefined;
  if (typeof value === 'string' && /^-?\d{1,20}$/.test(value)) return BigInt(value);
  return undefined;
}

/** A double: a number, or the proto3 JSON strings `"NaN"`, `"Infinity"`, `"-Infinity"`. */
function toDouble(value: unknown): number | undefined {
  if (typeof value === 'number') return value;
  if (value === 'NaN' || value === 'Infinity' || value === '-Infinity') return Number(value);
  return undefined;
}

/** One `AnyValue`; `undefined` when empty or of no known shape (then the attribute is skipped). */
export function decodeAnyValue(value: unknown, depth = 0): AttributeValue | undefined {
  const v = asObject(value);
  if (v === undefined || depth > MAX_DEPTH) return undefined;
  if (typeof v.stringValue === 'string') return v.stringValue;
  if (typeof v.boolValue === 'boolean') return v.boolValue;
  if (v.intValue !== undefined && v.intValue !== null) {
    const n = toBigInt(v.intValue);
    return n === undefined ? undefined : Number(n);
  }
  if (v.doubleValue !== undefined && v.doubleValue !== null) return toDouble(v.doubleValue);
  if (typeof v.bytesValue === 'string') return Buffer.from(v.bytesValue, 'base64');
  const list = asObject(v.arrayValue);
  if (list !== undefined) {
    const values = Array.isArray(list.values) ? (list.values as unknown[]) : [];
    const out: AttributeValue[] = [];
    for (const item of values) {
      const decoded = decodeAnyValue(item, depth + 1);
      if (decoded !== undefined) out.push(decoded);
    }
    return out;
  }
  const kvlist = asObject(v.kvlistValue);
  if (kvlist !== undefined) return decodeAttributes(kvlist.values, depth + 1);
  return undefined;
}

/**
 * A `KeyValue[]` as an object with no prototype (so a `__proto__` key is only a key). Entries
 * without a string key or a value are skipped; receivers ignore what they do not understand.
 */
export function decodeAttributes(list: unknown, depth = 0): Attributes {
  const out = Object.create(null) as Record<string, AttributeValue>;
  if (!Array.isArray(list)) return out;
  for (const item of list as unknown[]) {
    const kv = asObject(item);
    if (kv === undefined || typeof kv.key !== 'string') continue;
    const decoded = decodeAnyValue(kv.value, depth);
    if (decoded !== undefined) out[kv.key] = decoded;
  }
  return out;
}
