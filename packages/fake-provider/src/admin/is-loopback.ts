/** Whether a host name or address is loopback: what may reach an unauthenticated admin API. */
import { isIPv4 } from 'node:net';

/**
 * `localhost` and `*.localhost` (RFC 6761 §6.3), 127.0.0.0/8, `::1`, and IPv4-mapped 127.x.
 * Brackets around IPv6 literals are ignored; matching is case-insensitive.
 */
export function isLoopback(host: string): boolean {
  const h = host.toLowerCase().replace(/^\[(.*)\]$/, '$1');
  if (h === 'localhost' || h.endsWith('.localhost')) return true;
  if (h === '::1' || h === '0:0:0:0:0:0:0:1') return true;
  const v4 = h.startsWith('::ffff:') ? h.slice(7) : h;
  return isIPv4(v4) && v4.startsWith('127.');
}

/** The wildcard addresses, which bind every interface. */
export function isWildcard(host: string): boolean {
  const h = host.toLowerCase().replace(/^\[(.*)\]$/, '$1');
  return h === '0.0.0.0' || h === '::' || h === '0:0:0:0:0:0:0:0';
}
