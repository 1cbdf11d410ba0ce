// Streams a large or slow request body with node:http, reading the answer whenever it comes.
import { request } from 'node:http';

export interface UploadResult {
  readonly status: number;
  readonly headers: Record<string, string | string[] | undefined>;
  readonly body: string;
  /** Body bytes the client managed to write before the server stopped it or the answer came. */
  readonly sentBytes: number;
}

export interface UploadOptions {
  readonly url: string;
  readonly headers: Record<string, string>;
  /** Total bytes to offer, in `chunk`-sized writes (the same buffer reused). */
  readonly totalBytes: number;
  readonly chunk: Buffer;
}

/**
 * Writes the body as fast as the connection takes it and resolves with the answer; the upload
 * stops as soon as an answer arrives or the server closes, as a well-behaved client does.
 */
export function upload(o: UploadOptions): Promise<UploadResult> {
  return new Promise((resolve, reject) => {
    let sent = 0;
    let answered = false;
    const req = request(`${o.url}/v1/records`, { method: 'POST', headers: o.headers });
    const pump = (): void => {
      while (!answered && sent < o.totalBytes) {
        sent += o.chunk.length;
        if (!req.write(o.chunk)) {
          req.once('drain', pump);
          return;
        }
      }
      if (!answered) req.end();
    };
    req.on('response', (res) => {
      answered = true;
      const parts: Buffer[] = [];
      res.on('data', (c: Buffer) => parts.push(c));
      res.on('end', () => {
        resolve({
          status: res.statusCode ?? 0,
          headers: res.headers,
          body: Buffer.concat(parts).toString('utf8'),
          sentBytes: sent,
        });
        req.destroy();
      });
    });
    req.on('error', (e) => {
      if (!answered) reject(e);
    });
    pump();
  });
}
