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
