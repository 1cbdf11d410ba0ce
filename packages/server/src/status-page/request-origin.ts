/**
 * The origin (`http://host:port`) links in the feed and summary.json use, from the request's
 * `Host`. The header is the client's word, so only a plain host name or address with an optional
 * port is taken; anything else gives relative links.
 */
import type { IncomingMessage } from 'node:http';

const HOST = /^(?:[A-Za-z0-9](?:[A-Za-z0-9.-]{0,252})|\[[0-9A-Fa-f:.]{2,45}\])(?::\d{1,5})?$/;

/** `http://127.0.0.1:7600`, or `""` when the `Host` header is missing or unusual. */
export function requestOrigin(req: IncomingMessage): string {
  const host = req.headers.host;
  // The service binds plain HTTP on loopback (server-api.md); a TLS proxy in front rewrites links.
  return host !== undefined && HOST.test(host) ? `http://${host}` : '';
}
