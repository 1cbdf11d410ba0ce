/**
 * Header forwarding rules. RFC 9110 §7.6.1: a proxy removes the Connection header, every field it
 * names, and the hop-by-hop fields (Proxy-Connection, Keep-Alive, TE, Transfer-Encoding, Upgrade);
 * RFC 9110 §7.2: Host is rewritten for the next hop; RFC 9110 §11.7.2: Proxy-Authorization is
 * consumed by the proxy it is meant for. Compare hono `src/helper/proxy/index.ts`.
 */
const HOP_BY_HOP = new Set([
  'connection',
  'keep-alive',
  'proxy-connection',
  'proxy-authenticate',
  'proxy-authorization',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
]);

/** Header maps as Node's server and undici's client hand them over. */
export type HeaderMap = Record<string, string | string[] | undefined>;

/** The fields named in `Connection`, lower-cased. */
function connectionTokens(headers: HeaderMap): Set<string> | undefined {
  const value = headers['connection'];
  if (value === undefined) return undefined;
  // The usual `keep-alive` / `close` names only a field that is dropped anyway.
  if (value === 'keep-alive' || value === 'close') return undefined;
  const text = Array.isArray(value) ? value.join(',') : value;
  return new Set(text.split(',').map((t) => t.trim().toLowerCase()));
}

/** `headers` without hop-by-hop fields and without `drop` (lower-case names), as a new object. */
export function endToEnd(
  headers: HeaderMap,
  drop: ReadonlySet<string>,
): Record<string, string | string[]> {
  const named = connectionTokens(headers);
  const out: Record<string, string | string[]> = {};
  for (const name in headers) {
    const value = headers[name];
    if (value === undefined || HOP_BY_HOP.has(name) || drop.has(name)) continue;
    if (named?.has(name) === true) continue;
    out[name] = value;
  }
  return out;
}

/**
 * `headers` without hop-by-hop fields and without `drop`, as the flat `[name, value, …]` list `writeHead` takes
 * without copying it into an object of its own.
 */
export function endToEndPairs(
  headers: HeaderMap,
  drop: ReadonlySet<string>,
): (string | string[])[] {
  const named = connectionTokens(headers);
  const out: (string | string[])[] = [];
  for (const name in headers) {
    const value = headers[name];
    if (value === undefined || HOP_BY_HOP.has(name) || drop.has(name)) continue;
    if (named?.has(name) === true) continue;
    out.push(name, value);
  }
  return out;
}

/** Request fields the gateway sets itself: Host for the target, Content-Length for the body it sends. */
export const REQUEST_OWN = new Set(['host', 'content-length', 'expect']);
