/** Refuses a request whose body may still be arriving, so that the client can read the answer. */
import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from 'node:http';
import { sendError } from './respond.js';

/**
 * How much of an unwanted body is read and dropped after refusing it, and for how long. Past
 * `maxBytes` reading stops (TCP flow control then holds the client) rather than resetting the
 * connection; `maxMs` after the answer the connection is closed whatever the client does.
 */
export interface LingerLimits {
  readonly maxBytes: number;
  readonly maxMs: number;
}

/** 1 MiB and 2 s: enough for a client to read a refusal, little enough to bound the cost. */
export const DEFAULT_LINGER: LingerLimits = { maxBytes: 1 << 20, maxMs: 2000 };

/** True when the request announced a body (RFC 9112 §6.3). */
function hasBody(req: IncomingMessage): boolean {
  const length = req.headers['content-length'];
  return req.headers['transfer-encoding'] !== undefined || (length !== undefined && length !== '0');
}

/**
 * Sends the error and, when the body is not fully received, closes the connection gracefully:
 * `Connection: close`, then a half-close after the answer, discarding at most `limits` of what
 * the client still sends (RFC 9112 §9.6). A fully received request keeps its connection alive.
 */
export function refuse(
  req: IncomingMessage,
  res: ServerResponse,
  status: number,
  code: string,
  message: string,
  headers?: OutgoingHttpHeaders,
  limits: LingerLimits = DEFAULT_LINGER,
): void {
  if (req.complete || !hasBody(req)) {
    sendError(res, status, code, message, headers);
    return;
  }
  linger(req, limits);
  sendError(res, status, code, message, { ...headers, connection: 'close' });
}

function linger(req: IncomingMessage, limits: LingerLimits): void {
  const socket = req.socket;
  let seen = 0;
  let halfClosed = false;
  let timer: NodeJS.Timeout | undefined;
  const done = (): void => {
    socket.destroy();
  };
  req.on('data', (chunk: Buffer) => {
    seen += chunk.length;
    if (seen > limits.maxBytes) req.pause();
  });
  // Once the client has sent everything, nothing unread can reset the connection: close now.
  req.on('end', () => {
    if (halfClosed) done();
  });
  req.on('error', done);
  // Node destroys a `Connection: close` socket as soon as the answer is flushed (`destroySoon`).
  // Bytes the client is still sending would then make the kernel answer with a reset, which can
  // drop our answer from the client's receive buffer before it is read (RFC 9112 §9.6). So only
  // half-close here, and destroy once the client stops, the byte budget is spent, or time is up.
  socket.destroySoon = () => {
    halfClosed = true;
    socket.end();
    if (req.complete) done();
    else timer = setTimeout(done, limits.maxMs).unref();
  };
  socket.once('close', () => clearTimeout(timer));
  req.resume();
}
