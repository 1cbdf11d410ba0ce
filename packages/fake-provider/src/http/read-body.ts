/** Reads a request body to a string. */
import type { IncomingMessage } from 'node:http';

/** The whole body as UTF-8; rejects if the client aborts. */
export function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () =>
      resolve(
        chunks.length === 1
          ? (chunks[0]?.toString('utf8') ?? '')
          : Buffer.concat(chunks).toString('utf8'),
      ),
    );
    req.on('error', reject);
  });
}
