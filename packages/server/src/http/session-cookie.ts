/** The dashboard's session cookie: the signed-in token, HttpOnly, sent back in place of a bearer. */
import type { IncomingMessage } from 'node:http';

/** The cookie's name. */
export const SESSION_COOKIE = 'faultline_session';

/**
 * The header a dashboard page sends on its writes. A cross-site form cannot set it and a
 * cross-site script cannot send it without a CORS preflight we never grant, so together with
 * `SameSite=Strict` a cookie alone never authorises a write.
 */
export const DASHBOARD_HEADER = 'x-faultline-dashboard';

/** The session token in a `Cookie` header (RFC 6265 §5.4), or `undefined`. */
export function sessionToken(cookie: string | undefined): string | undefined {
  if (cookie === undefined) return undefined;
  for (const part of cookie.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0 || part.slice(0, eq).trim() !== SESSION_COOKIE) continue;
    try {
      const value = decodeURIComponent(part.slice(eq + 1).trim());
      return value === '' ? undefined : value;
    } catch {
      return undefined;
    }
  }
  return undefined;
}

/**
 * The `Authorization` value to check for a request: its own header when it has one; else the
 * session cookie, for `GET /v1/…` reads and for writes that carry {@link DASHBOARD_HEADER}.
 */
export function credentialOf(req: IncomingMessage, pathname: string): string | undefined {
  const header = req.headers.authorization;
  if (header !== undefined) return header;
  const token = sessionToken(req.headers.cookie);
  if (token === undefined) return undefined;
  const read = req.method === 'GET' && pathname.startsWith('/v1/');
  return read || req.headers[DASHBOARD_HEADER] === '1' ? `Bearer ${token}` : undefined;
}

/** `Set-Cookie` for a signed-in token; `Secure` only when the page was reached over https. */
export function sessionCookie(token: string, secure: boolean): string {
  const flags = `Path=/; HttpOnly; SameSite=Strict${secure ? '; Secure' : ''}`;
  return `${SESSION_COOKIE}=${encodeURIComponent(token)}; ${flags}`;
}

/** `Set-Cookie` that ends the session. */
export function clearedSessionCookie(secure: boolean): string {
  return `${SESSION_COOKIE}=; Max-Age=0; Path=/; HttpOnly; SameSite=Strict${secure ? '; Secure' : ''}`;
}
