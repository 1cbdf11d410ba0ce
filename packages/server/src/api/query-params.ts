/** Reading the query parameters of the read API, each refused with a sentence naming it. */
import { parseTimestamp } from '@faultline/core';
import { QueryProblem } from './api-result.js';

/** An RFC 3339 time parameter in epoch ms, or `undefined` when absent. */
export function timeParam(params: URLSearchParams, name: string): number | undefined {
  const raw = params.get(name);
  if (raw === null) return undefined;
  const ms = parseTimestamp(raw);
  if (ms === undefined) throw new QueryProblem(`${name}: not an RFC 3339 time (${clip(raw)})`);
  return ms;
}

/** An integer parameter in `1..max`, `fallback` when absent. */
export function limitParam(params: URLSearchParams, fallback: number, max: number): number {
  const raw = params.get('limit');
  if (raw === null) return fallback;
  const n = Number(raw);
  if (!/^\d+$/.test(raw) || n < 1 || n > max) {
    throw new QueryProblem(`limit: an integer from 1 to ${max} (${clip(raw)})`);
  }
  return n;
}

/** One of `allowed`, `undefined` when absent. */
export function choiceParam<T extends string>(
  params: URLSearchParams,
  name: string,
  allowed: readonly T[],
): T | undefined {
  const raw = params.get(name);
  if (raw === null) return undefined;
  if (!(allowed as readonly string[]).includes(raw)) {
    throw new QueryProblem(`${name}: one of ${allowed.join(', ')} (${clip(raw)})`);
  }
  return raw as T;
}

/** A free string parameter (a provider or model id), `undefined` when absent or empty. */
export function stringParam(params: URLSearchParams, name: string): string | undefined {
  const raw = params.get(name);
  return raw === null || raw === '' ? undefined : raw;
}

/** An opaque cursor: base64url JSON made by `encodeCursor`. */
export function cursorParam<T>(
  params: URLSearchParams,
  check: (v: unknown) => v is T,
): T | undefined {
  const raw = params.get('cursor');
  if (raw === null || raw === '') return undefined;
  try {
    const value: unknown = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8'));
    if (check(value)) return value;
  } catch {
    // falls through to the refusal
  }
  throw new QueryProblem('cursor: not a cursor this server gave (use next_cursor as it came)');
}

/** Encodes a cursor for `cursorParam`. */
export function encodeCursor(value: unknown): string {
  return Buffer.from(JSON.stringify(value), 'utf8').toString('base64url');
}

/** Untrusted input quoted in an error message: short and single-line. */
function clip(raw: string): string {
  // Control characters would break the one-line message; they are what is being removed.
  // eslint-disable-next-line no-control-regex
  const one = raw.replace(/[\u0000-\u001f\u007f]/g, ' ');
  return JSON.stringify(one.length > 40 ? `${one.slice(0, 40)}…` : one);
}
