/** A sink that appends records to a JSON Lines file, buffered, without blocking the app. */
import { createWriteStream } from 'node:fs';
import type { CallRecord } from '@faultline/core';
import { faultReporter } from '../instrument/own-fault.js';
import type { RecordSink } from './sink.js';

export interface JsonlFileSinkOptions {
  /** The file to append to (created if missing). */
  path: string;
  /** I/O and serialization failures; default: the `faultline:sdk:error` diagnostics channel. */
  onError?: (error: unknown) => void;
}

export interface JsonlFileSink extends RecordSink {
  /** Resolves once every record written so far has been handed to the file system (or failed). */
  flush(): Promise<void>;
  /** Flushes and closes the file; later writes are ignored. */
  close(): Promise<void>;
}

/**
 * Appends one JSON line per record to `path`. I/O errors go to `onError`, never to the app.
 *
 * @example
 * const sink = createJsonlFileSink({ path: 'calls.jsonl' });
 */
export function createJsonlFileSink(options: JsonlFileSinkOptions): JsonlFileSink {
  const report = faultReporter(options.onError);
  const stream = createWriteStream(options.path, { flags: 'a' });
  stream.on('error', report);
  let closed = false;
  // Write callbacks run in order, once fs.write returned (or the stream failed): a flush waits
  // for the callback of the last write issued before it.
  let last: Promise<void> = Promise.resolve();
  return {
    write(record: CallRecord) {
      if (closed) return;
      try {
        const line = JSON.stringify(record) + '\n';
        last = new Promise<void>((resolve) => {
          stream.write(line, () => resolve()); // an error also reaches the 'error' listener
        });
      } catch (e: unknown) {
        report(e);
      }
    },
    flush() {
      return last;
    },
    close() {
      if (closed) return last.then(() => whenClosed(stream));
      closed = true;
      stream.end();
      return last.then(() => whenClosed(stream));
    },
  };
}

/** Resolves when the stream has released its file, however it ended. */
function whenClosed(stream: ReturnType<typeof createWriteStream>): Promise<void> {
  if (stream.closed) return Promise.resolve();
  return new Promise((resolve) => stream.once('close', () => resolve()));
}
