/** Reads a request body, gunzipping as it streams, and stops at the size limit. */
import type { IncomingMessage } from 'node:http';
import { createGunzip } from 'node:zlib';
import type { BodyEncoding } from './media-type.js';

export type BodyResult =
  | { readonly kind: 'ok'; readonly body: Buffer }
  /** Over `maxBytes` (after decompression): reading stopped at the limit. */
  | { readonly kind: 'too_large' }
  /** The gzip stream is broken. */
  | { readonly kind: 'unreadable'; readonly message: string }
  /** The client went away before the end. */
  | { readonly kind: 'aborted' };

/**
 * Collects the body, never holding more than `maxBytes` decoded bytes: on reaching the limit it
 * stops reading (the caller refuses and drains). The compressed input is held to the same limit
 * plus a little, since a run of empty gzip members would otherwise decode to nothing forever.
 */
export function readBody(
  req: IncomingMessage,
  encoding: BodyEncoding,
  maxBytes: number,
): Promise<BodyResult> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let rawSize = 0;
    let settled = false;
    const gunzip = encoding === 'gzip' ? createGunzip() : undefined;
    const finish = (result: BodyResult): void => {
      if (settled) return;
      settled = true;
      req.off('data', onRaw);
      gunzip?.destroy();
      resolve(result);
    };
    const onDecoded = (chunk: Buffer): void => {
      size += chunk.length;
      if (size > maxBytes) finish({ kind: 'too_large' });
      else chunks.push(chunk);
    };
    const onRaw = (chunk: Buffer): void => {
      rawSize += chunk.length;
      if (rawSize > maxBytes + 65_536) finish({ kind: 'too_large' });
      else if (gunzip === undefined) onDecoded(chunk);
      else if (!gunzip.write(chunk)) {
        req.pause();
        gunzip.once('drain', () => req.resume());
      }
    };
    const onDone = (): void => finish({ kind: 'ok', body: Buffer.concat(chunks, size) });
    req.on('data', onRaw);
    req.once('close', () => {
      if (!req.complete) finish({ kind: 'aborted' });
    });
    req.once('error', () => finish({ kind: 'aborted' }));
    if (gunzip === undefined) req.once('end', onDone);
    else {
      gunzip.on('data', onDecoded);
      gunzip.once('end', onDone);
      gunzip.once('error', (e: Error) => finish({ kind: 'unreadable', message: e.message }));
      // An empty body is empty whatever its Content-Encoding says (server-api.md: 200, accepted 0).
      req.once('end', () => (rawSize === 0 ? onDone() : gunzip.end()));
    }
  });
}
