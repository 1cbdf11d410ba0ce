/** Writes JSON answers and the spec's error shape, always with a content type and length. */
import type { OutgoingHttpHeaders, ServerResponse } from 'node:http';

/** The content type of every JSON answer. */
export const JSON_TYPE = 'application/json; charset=utf-8';

/** Sends `body` (already serialised JSON text) with `status`. */
export function sendJsonText(
  res: ServerResponse,
  status: number,
  body: string,
  headers?: OutgoingHttpHeaders,
): void {
  res.writeHead(status, {
    ...headers,
    'content-type': JSON_TYPE,
    'content-length': Buffer.byteLength(body),
  });
  res.end(body);
}

/**
 * Sends `value` as JSON.
 *
 * @example
 * sendJson(res, 200, { status: 'ok' });
 */
export function sendJson(
  res: ServerResponse,
  status: number,
  value: unknown,
  headers?: OutgoingHttpHeaders,
): void {
  sendJsonText(res, status, JSON.stringify(value), headers);
}

/**
 * Sends `{"error": {"code", "message"}}` (server-api.md): `code` is one word (`not_found`),
 * `message` a sentence for people.
 */
export function sendError(
  res: ServerResponse,
  status: number,
  code: string,
  message: string,
  headers?: OutgoingHttpHeaders,
): void {
  sendJson(res, status, { error: { code, message } }, headers);
}
