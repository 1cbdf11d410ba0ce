/** Reads a small JSON request body (an action's options), refusing what is too large or not JSON. */
import type { IncomingMessage } from 'node:http';

export type JsonBody =
  | { readonly ok: true; readonly value: unknown }
  | { readonly ok: false; readonly status: 400 | 413 | 415; readonly message: string };

/**
 * The body as JSON: an empty body is `undefined`; over `maxBytes` stops reading at once (the
 * caller refuses with 413, see `refuse`); a content type other than JSON is 415.
 */
export async function readJsonBody(req: IncomingMessage, maxBytes = 64 * 1024): Promise<JsonBody> {
  const type = (req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > maxBytes)
      return { ok: false, status: 413, message: `the body is over ${maxBytes} bytes` };
    chunks.push(chunk);
  }
  if (size === 0) return { ok: true, value: undefined };
  if (type !== 'application/json')
    return { ok: false, status: 415, message: 'send the body as application/json' };
  try {
    return { ok: true, value: JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown };
  } catch {
    return { ok: false, status: 400, message: 'the body is not valid JSON' };
  }
}
