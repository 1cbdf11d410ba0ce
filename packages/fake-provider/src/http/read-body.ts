/** Reads a request body to a string, refusing one past a size limit without buffering it. */
import type { IncomingMessage } from 'node:http';
import { FaultlineError, hasBrand } from '@faultline/core';

/** The default request body limit: 10 MiB. */
export const DEFAULT_MAX_BODY_BYTES = 10 * 1024 * 1024;

/** A request body past the limit; the server answers 413 and closes the connection. */
export class BodyTooLargeError extends FaultlineError {
  readonly isBodyTooLargeError = true;
  override name = 'BodyTooLargeError';
  readonly maxBytes: number;

  constructor(maxBytes: number) {
    super(`request body exceeds the limit of ${maxBytes} bytes`);
    this.maxBytes = maxBytes;
  }
}

/** Whether `e` is a {@link BodyTooLargeError}. */
export function isBodyTooLargeError(e: unknown): e is BodyTooLargeError {
  return hasBrand(e, 'isBodyTooLargeError');
}

/**
 * The whole body as UTF-8; rejects if the client aborts. A declared `content-length` past
 * `maxBytes` is refused before reading; a chunked body is refused as soon as it passes the limit,
 * and reading stops there (the bytes so far are dropped).
 */
export function readBody(req: IncomingMessage, maxBytes: number): Promise<string> {
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > maxBytes) return Promise.reject(new BodyTooLargeError(maxBytes));
  return new Promise((resolve, reject) => {
    let chunks: Buffer[] = [];
    let size = 0;
    const stop = (): void => {
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('error', reject);
      req.pause();
    };
    const onData = (chunk: Buffer): void => {
      size += chunk.length;
      if (size <= maxBytes) return void chunks.push(chunk);
      chunks = [];
      stop();
      reject(new BodyTooLargeError(maxBytes));
    };
    const onEnd = (): void => {
      stop();
      resolve(
        chunks.length === 1
          ? (chunks[0]?.toString('utf8') ?? '')
          : Buffer.concat(chunks).toString('utf8'),
      );
    };
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('error', reject);
  });
}
