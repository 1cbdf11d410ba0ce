/** Reads request headers from any `HeadersInit` form without copying them. */
import type { FetchInit, FetchInput } from './fetch-types.js';

/** The value of header `name` (lower-case) in `init.headers` or a `Request`'s headers. */
export function requestHeader(
  input: FetchInput,
  init: FetchInit,
  name: string,
): string | undefined {
  const fromInit = headerIn(init?.headers, name);
  if (fromInit !== undefined) return fromInit;
  return input instanceof Request ? (input.headers.get(name) ?? undefined) : undefined;
}

function headerIn(headers: NonNullable<FetchInit>['headers'], name: string): string | undefined {
  if (headers === undefined) return undefined;
  if (headers instanceof Headers) return headers.get(name) ?? undefined;
  if (Array.isArray(headers)) {
    for (const pair of headers) {
      if (pair[0]?.toLowerCase() === name) return pair[1];
    }
    return undefined;
  }
  for (const k in headers) {
    if (k.toLowerCase() === name) return (headers as Record<string, string>)[k];
  }
  return undefined;
}

/**
 * The values of headers `names` (lower-case, at most 31), each as `requestHeader` reads it, in one
 * pass over `init.headers`: the request headers read on every call.
 */
export function requestHeaders(
  input: FetchInput,
  init: FetchInit,
  names: readonly string[],
): (string | undefined)[] {
  const headers = init?.headers;
  const values: (string | undefined)[] = [];
  if (headers instanceof Headers) {
    for (const name of names) values.push(headers.get(name) ?? undefined);
  } else {
    for (let i = 0; i < names.length; i++) values.push(undefined);
    // A name's first occurrence decides, even when its value is missing (as in `headerIn`).
    let found = 0;
    const take = (key: string | undefined, value: string | undefined): void => {
      const i = key === undefined ? -1 : names.indexOf(key.toLowerCase());
      if (i === -1 || (found & (1 << i)) !== 0) return;
      found |= 1 << i;
      values[i] = value;
    };
    if (Array.isArray(headers)) for (const pair of headers) take(pair[0], pair[1]);
    else if (headers !== undefined)
      for (const k in headers) take(k, (headers as Record<string, string>)[k]);
  }
  if (input instanceof Request) {
    for (let i = 0; i < names.length; i++) values[i] ??= input.headers.get(names[i]!) ?? undefined;
  }
  return values;
}

/**
 * The values of every header whose lower-case name `pick` accepts, from `init.headers` and a
 * `Request`'s headers: both, since either may carry a credential.
 */
export function requestHeaderValuesWhere(
  input: FetchInput,
  init: FetchInit,
  pick: (lowerName: string) => boolean,
): string[] {
  const out: string[] = [];
  const headers = init?.headers;
  if (headers instanceof Headers) {
    for (const [k, v] of headers) if (pick(k)) out.push(v);
  } else if (Array.isArray(headers)) {
    for (const pair of headers) {
      const k = pair[0];
      if (k !== undefined && pair[1] !== undefined && pick(k.toLowerCase())) out.push(pair[1]);
    }
  } else if (headers !== undefined) {
    for (const k in headers) {
      const v = (headers as Record<string, unknown>)[k];
      if (typeof v === 'string' && pick(k.toLowerCase())) out.push(v);
    }
  }
  if (input instanceof Request) for (const [k, v] of input.headers) if (pick(k)) out.push(v);
  return out;
}
