/** Who may call the admin API: Host and Origin checks against DNS rebinding and CSRF, and a token. */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { isIP } from 'node:net';
import { isLoopback, isWildcard } from './is-loopback.js';

/** The admin API's access rules, fixed at start. */
export interface AdminPolicy {
  /** When set, every admin request must send `authorization: Bearer <token>`. */
  readonly token: string | undefined;
  /** The address the server is bound to (`127.0.0.1`, `0.0.0.0`, a host name). */
  readonly boundHost: string;
}

/** Why a request was refused: status, message and any extra headers. */
export interface AdminRefusal {
  readonly status: number;
  readonly error: string;
  readonly headers?: Readonly<Record<string, string>>;
}

/**
 * Checks one admin request. Without a token, `Host` must be loopback or the bound address (a
 * DNS-rebinding page sends its own domain as Host); with one, the Bearer token is required and
 * any Host is accepted (a Docker service name, say). A browser's `Origin`, when sent, must be
 * the server itself: cross-origin pages may not drive the API.
 */
export function checkAdminRequest(
  req: IncomingMessage,
  policy: AdminPolicy,
): AdminRefusal | undefined {
  const host = req.headers.host ?? '';
  const hostname = hostnameOf(host);
  if (policy.token === undefined && (hostname === undefined || !allowedHost(hostname, policy))) {
    return {
      status: 403,
      error: `admin API refuses Host "${host}": only loopback or the bound address (DNS-rebinding defence)`,
    };
  }
  const origin = req.headers.origin;
  if (origin !== undefined && !sameOrigin(origin, host)) {
    return { status: 403, error: `admin API refuses cross-origin requests (Origin "${origin}")` };
  }
  if (policy.token !== undefined && !bearerMatches(req.headers.authorization, policy.token)) {
    return {
      status: 401,
      error: 'admin API needs "authorization: Bearer <token>" (the --admin-token)',
      headers: { 'www-authenticate': 'Bearer realm="faultline"' },
    };
  }
  return undefined;
}

function hostnameOf(host: string): string | undefined {
  if (host === '') return undefined;
  try {
    return new URL(`http://${host}`).hostname.replace(/^\[(.*)\]$/, '$1').toLowerCase();
  } catch {
    return undefined;
  }
}

function allowedHost(hostname: string, policy: AdminPolicy): boolean {
  if (isLoopback(hostname)) return true;
  const bound = policy.boundHost.toLowerCase().replace(/^\[(.*)\]$/, '$1');
  // On a wildcard bind any of the machine's addresses reaches us; an IP literal cannot be rebound.
  return hostname === bound || (isWildcard(bound) && isIP(hostname) !== 0);
}

function sameOrigin(origin: string, host: string): boolean {
  try {
    const url = new URL(origin);
    return url.protocol === 'http:' && url.host === new URL(`http://${host}`).host;
  } catch {
    return false; // `null` (sandboxed pages, file:) or garbage
  }
}

/** Compares digests in constant time, so the check leaks neither the token nor its length. */
function bearerMatches(header: string | undefined, token: string): boolean {
  const m = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '');
  if (m?.[1] === undefined) return false;
  const digest = (s: string): Buffer => createHash('sha256').update(s).digest();
  return timingSafeEqual(digest(m[1]), digest(token));
}
