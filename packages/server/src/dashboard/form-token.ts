/** Reads the `token` field of a small `application/x-www-form-urlencoded` sign-in body. */
import type { IncomingMessage } from 'node:http';

const MAX_BYTES = 4096;

/** The posted token, or `undefined` when the body is too large, of another type, or lacks it. */
export async function formToken(req: IncomingMessage): Promise<string | undefined> {
  const type = (req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase();
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    // Read to the end so the answer reaches the client, but keep only the first few kB.
    if (size <= MAX_BYTES) chunks.push(chunk);
  }
  if (size > MAX_BYTES || type !== 'application/x-www-form-urlencoded') return undefined;
  const token = new URLSearchParams(Buffer.concat(chunks).toString('utf8')).get('token')?.trim();
  return token === undefined || token === '' ? undefined : token;
}
