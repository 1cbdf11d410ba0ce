/** Streams the lines of a file (or standard input) through a `LineSplitter`, chunk by chunk. */
import { createReadStream, fstatSync } from 'node:fs';
import type { Readable } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import { DEFAULT_MAX_LINE_BYTES, LineSplitter } from '@faultline/core';

/** Where records come from: a path, or `-` for standard input. */
export type LineSource = string;

export interface ReadLinesOptions {
  /** Called for each line, numbered from 1. */
  readonly onLine: (line: string, lineNumber: number) => void;
  /** Called once for each line longer than `maxLineBytes`; its text is skipped, not kept. */
  readonly onTooLong?: (lineNumber: number) => void;
  /** The longest line read, in UTF-8 bytes. Default 1 MiB. */
  readonly maxLineBytes?: number;
  /** Called after each chunk with the bytes read so far; may return a promise to apply backpressure. */
  readonly afterChunk?: (bytesRead: number) => void | Promise<void>;
  /** Stop reading once this many lines have been read; later lines are not passed to `onLine`. */
  readonly stopAfterLine?: number;
}

/** How reading ended: `stopped` says why it ended before the end of the input. */
export interface ReadLinesResult {
  readonly lines: number;
  readonly stopped?: string;
}

/**
 * Opens a source as a byte stream; `-` is standard input. Standard input that is a directory
 * (`faultline classify - < somedir`) fails like a directory given by name.
 */
export function openSource(source: LineSource, stdin: Readable = process.stdin): Readable {
  if (source === '-') {
    const fd = (stdin as { fd?: unknown }).fd;
    if (typeof fd === 'number' && isDirectory(fd)) {
      throw Object.assign(new Error('is a directory'), { code: 'EISDIR', path: 'standard input' });
    }
    return stdin;
  }
  return createReadStream(source, { highWaterMark: 1 << 20 });
}

function isDirectory(fd: number): boolean {
  try {
    return fstatSync(fd).isDirectory();
  } catch {
    return false; // a closed or odd descriptor: reading it will tell what is wrong
  }
}

/**
 * Reads every line of `input`; resolves when the input ends. Bytes are decoded as UTF-8 by a
 * streaming decoder, so a character split across two reads comes out whole. While an over-long
 * line is skipped its bytes are only searched for the newline, not decoded or kept; an over-long
 * line holding NUL bytes is binary data, not JSON Lines (`classify - < /dev/zero`), and stops
 * the reading there with `stopped` set.
 */
export async function readLines(
  input: Readable,
  options: ReadLinesOptions,
): Promise<ReadLinesResult> {
  const maxLineBytes = options.maxLineBytes ?? DEFAULT_MAX_LINE_BYTES;
  const last = options.stopAfterLine ?? Infinity;
  const onLine = (line: string, n: number): void => {
    if (n <= last) options.onLine(line, n);
  };
  const tooLong = options.onTooLong;
  const splitter = new LineSplitter(onLine, {
    maxLineBytes,
    ...(tooLong === undefined ? {} : { onTooLong: (n: number) => n <= last && tooLong(n) }),
  });
  let decoder = new StringDecoder('utf8');
  let bytesRead = 0;
  for await (const chunk of input) {
    if (typeof chunk === 'string') {
      bytesRead += Buffer.byteLength(chunk);
      splitter.push(chunk);
    } else {
      const bytes = chunk as Buffer;
      bytesRead += bytes.length;
      if (!splitter.skipping) splitter.push(decoder.write(bytes));
      else {
        // A newline byte never occurs inside a multi-byte UTF-8 sequence: decoding restarts there.
        const nl = bytes.indexOf(10);
        decoder = new StringDecoder('utf8');
        if (nl !== -1) splitter.push(decoder.write(bytes.subarray(nl)));
      }
      if (splitter.skipping && bytes.includes(0)) {
        const stopped = `line ${splitter.lineCount} is over ${maxLineBytes} bytes and holds NUL bytes: the input is not JSON Lines text; stopped reading`;
        return { lines: splitter.lineCount, stopped };
      }
    }
    if (options.afterChunk !== undefined) await options.afterChunk(bytesRead);
    // Leaving the loop destroys the stream: the rest of the input is never read.
    if (splitter.lineCount >= last) return { lines: last };
  }
  splitter.push(decoder.end());
  splitter.end();
  return { lines: splitter.lineCount };
}
