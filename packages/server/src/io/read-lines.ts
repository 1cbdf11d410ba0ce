/** Streams the lines of a file (or standard input) through a `LineSplitter`, chunk by chunk. */
import { createReadStream } from 'node:fs';
import type { Readable } from 'node:stream';
import { LineSplitter } from '@faultline/core';

/** Where records come from: a path, or `-` for standard input. */
export type LineSource = string;

export interface ReadLinesOptions {
  /** Called for each line, numbered from 1. */
  readonly onLine: (line: string, lineNumber: number) => void;
  /** Called after each chunk with the bytes read so far; may return a promise to apply backpressure. */
  readonly afterChunk?: (bytesRead: number) => void | Promise<void>;
}

/** Opens a source as a UTF-8 stream; `-` is standard input. */
export function openSource(source: LineSource, stdin: Readable = process.stdin): Readable {
  if (source === '-') {
    stdin.setEncoding('utf8');
    return stdin;
  }
  return createReadStream(source, { encoding: 'utf8', highWaterMark: 1 << 20 });
}

/** Reads every line of `input`; resolves with the number of lines when the input ends. */
export async function readLines(input: Readable, options: ReadLinesOptions): Promise<number> {
  const splitter = new LineSplitter(options.onLine);
  let bytesRead = 0;
  for await (const chunk of input) {
    const text = typeof chunk === 'string' ? chunk : String(chunk);
    bytesRead += Buffer.byteLength(text);
    splitter.push(text);
    if (options.afterChunk !== undefined) await options.afterChunk(bytesRead);
  }
  splitter.end();
  return splitter.lineCount;
}
