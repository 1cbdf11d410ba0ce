/** Answers requests Node refuses before routing (bad syntax, slow headers) in the error shape. */
import { STATUS_CODES } from 'node:http';
import type { Duplex } from 'node:stream';
import { JSON_TYPE } from './respond.js';

/** The reply for each parser or timeout failure; anything else is a 400. */
function statusOf(code: string | undefined): readonly [number, string, string] {
  if (code === 'ERR_HTTP_REQUEST_TIMEOUT') {
    return [408, 'timeout', 'The request was not received in time.'];
  }
  if (code === 'HPE_HEADER_OVERFLOW') {
    return [431, 'headers_too_large', 'The request headers are too large.'];
  }
  return [400, 'bad_request', 'The request is not valid HTTP/1.1.'];
}

/**
 * The server's `clientError` listener. Like Node's default, it writes a reply only while no
 * response has started on the socket, then closes it; a reset connection is just destroyed.
 */
export function answerClientError(err: NodeJS.ErrnoException, socket: Duplex): void {
  const started = (socket as { _httpMessage?: { headersSent?: boolean } })._httpMessage;
  if (err.code === 'ECONNRESET' || !socket.writable || started?.headersSent === true) {
    socket.destroy();
    return;
  }
  const [status, code, message] = statusOf(err.code);
  const body = JSON.stringify({ error: { code, message } });
  socket.end(
    `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? ''}\r\n` +
      `Content-Type: ${JSON_TYPE}\r\nContent-Length: ${Buffer.byteLength(body)}\r\n` +
      `Connection: close\r\n\r\n${body}`,
  );
}
