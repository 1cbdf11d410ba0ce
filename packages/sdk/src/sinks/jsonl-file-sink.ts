/** A sink that appends records to a JSON Lines file, buffered, without blocking the app. */
import { createWriteStream } from 'node:fs';
import type { CallRecord } from '@faultline/core';
import type { RecordSink } from './sink.js';

export interface JsonlFileSink extends RecordSink {
  /** Resolves when everything written so far is on its way to the file. */
  flush(): Promise<void>;
  /** Flushes and closes the file. */
  close(): Promise<void>;
}

/**
 * Appends one JSON line per record to `path`. I/O errors go to `onError`, never to the app.
 *
 * @example
 * const sink = createJsonlFileSink({ path: 'calls.jsonl' });
 */
export function createJsonlFileSink(options: {
  path: string;
  onError?: (error: unknown) => void;
}): JsonlFileSink {
  const onError = options.onError ?? (() => undefined);
  const stream = createWriteStream(options.path, { flags: 'a' });
  stream.on('error', onError);
  let closed = false;
  return {
    write(record: CallRecord) {
      if (closed) return;
      try {
        stream.write(JSON.stringify(record) + '\n');
      } catch (e: unknown) {
        onError(e);
      }
    },
    flush() {
      if (closed || stream.writableLength === 0) return Promise.resolve();
      return new Promise((resolve) => stream.once('drain', resolve));
    },
    close() {
      if (closed) return Promise.resolve();
      closed = true;
      return new Promise((resolve) => stream.end(resolve));
    },
  };
}
