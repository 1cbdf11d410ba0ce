/** Sends a plain JSON answer (admin API, paths outside any provider's URL space). */
import type { ServerResponse } from 'node:http';

/** Writes `value` as compact JSON with its content length. */
export function sendJson(res: ServerResponse, status: number, value: unknown): void {
  const body = JSON.stringify(value);
  res.writeHead(status, {
    'content-type': 'application/json',
    'content-length': String(Buffer.byteLength(body)),
  });
  res.end(body);
}
