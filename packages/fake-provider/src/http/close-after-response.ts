/** Closes a connection whose request body was left unread, once the answer has gone out. */
import type { ServerResponse } from 'node:http';

/**
 * Marks the answer `connection: close` (RFC 9112 §9.6): node:http then ends the socket once the
 * answer is written instead of parsing the unread rest of the body as a next request.
 */
export function closeAfterResponse(res: ServerResponse): void {
  res.shouldKeepAlive = false;
  res.setHeader('connection', 'close');
}
