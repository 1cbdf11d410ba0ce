/**
 * Reads a request body, gunzipping it on the way, and stops as soon as the decompressed bytes pass
 * the limit (OTLP spec: the limit is measured after decompression), so a gzip bomb never grows
 * past it in memory.
 */
import type { IncomingMessage } from 'node:http';
import type { Readable } from 'node:stream';
import { createGunzip, type Gunzip } from 'node:zlib';

/** The body, or why there is none: too large (413), not gzip (400), or the client went away. */
export type BodyResult =
  | { readonly ok: true; readonly body: Buffer }
  | { readonly ok: false; readonly problem: 'too_large' | 'bad_gzip' | 'aborted' };

/** Options of `readBody`. */
export interface ReadBodyOptions {
  readonly maxBytes: number;
  readonly gzip: boolean;
}

/** Reads `req` whole, within `maxBytes`. Never rejects. */
export function readBody(req: IncomingMessage, opts: ReadBodyOptions): Promise<BodyResult> {
  const declared = Number(req.headers['content-length']);
  if (!opts.gzip && Number.isFinite(declared) && declared > opts.maxBytes) {
    return Promise.resolve({ ok: false, problem: 'too_large' });
  }
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let done = false;
    const gunzip: Gunzip | undefined = opts.gzip ? createGunzip() : undefined;
    const source: Readable = gunzip ?? req;
    const finish = (result: BodyResult): void => {
      if (done) return;
      done = true;
      if (gunzip !== undefined) {
        req.unpipe(gunzip);
        gunzip.destroy();
      }
      // Unread bytes stay unread: the caller answers with `connection: close`.
      if (!result.ok) req.pause();
      resolve(result);
    };
    source.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > opts.maxBytes) finish({ ok: false, problem: 'too_large' });
      else chunks.push(chunk);
    });
    source.on('end', () => finish({ ok: true, body: Buffer.concat(chunks, size) }));
    source.on('error', () => finish({ ok: false, problem: gunzip ? 'bad_gzip' : 'aborted' }));
    if (gunzip !== undefined) {
      req.on('error', () => finish({ ok: false, problem: 'aborted' }));
      req.pipe(gunzip);
    }
    req.on('close', () => {
      if (!req.complete) finish({ ok: false, problem: 'aborted' });
    });
  });
}
