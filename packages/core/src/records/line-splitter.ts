/** Splits decoded text chunks into lines (LF or CRLF), with a cap on line length. */
import { utf8Length } from './utf8-length.js';

/** Lines longer than this many UTF-8 bytes are skipped unless the caller says otherwise. */
export const DEFAULT_MAX_LINE_BYTES = 1 << 20;

export interface LineSplitterOptions {
  /** The longest line passed on, in UTF-8 bytes (the newline not counted). Default 1 MiB. */
  readonly maxLineBytes?: number;
  /**
   * Called once for a line over `maxLineBytes`, as soon as it is seen to be too long. Its text is
   * dropped, not kept, up to its newline; the line numbers after it stay those of the input.
   */
  readonly onTooLong?: (lineNumber: number) => void;
}

/** Feeds text chunks in; calls `onLine` with each complete line, numbered from 1. */
export class LineSplitter {
  #rest = '';
  #lineNumber = 0;
  #skipping = false;
  readonly #maxBytes: number;
  readonly #onTooLong: (lineNumber: number) => void;

  constructor(
    private readonly onLine: (line: string, lineNumber: number) => void,
    options: LineSplitterOptions = {},
  ) {
    this.#maxBytes = options.maxLineBytes ?? DEFAULT_MAX_LINE_BYTES;
    this.#onTooLong = options.onTooLong ?? (() => undefined);
  }

  /** Adds a chunk; complete lines are passed on at once, a partial last line is kept. */
  push(chunk: string): void {
    let start = 0;
    let nl = chunk.indexOf('\n');
    if (this.#skipping) {
      // Only the newline that ends the over-long line matters; the text before it is dropped.
      if (nl === -1) return;
      this.#skipping = false;
      start = nl + 1;
      nl = chunk.indexOf('\n', start);
    } else if (nl !== -1 && this.#rest.length > 0) {
      this.#emit(this.#rest + chunk.slice(0, nl));
      this.#rest = '';
      start = nl + 1;
      nl = chunk.indexOf('\n', start);
    }
    while (nl !== -1) {
      this.#emit(chunk.slice(start, nl));
      start = nl + 1;
      nl = chunk.indexOf('\n', start);
    }
    if (start < chunk.length) this.#keep(start === 0 ? chunk : chunk.slice(start));
  }

  /** Flushes a last line that had no newline. */
  end(): void {
    this.#skipping = false;
    if (this.#rest.length > 0) {
      const rest = this.#rest;
      this.#rest = '';
      this.#emit(rest);
    }
  }

  /** How many lines were passed on (or reported too long) so far. */
  get lineCount(): number {
    return this.#lineNumber;
  }

  /** True while the rest of an over-long line is being dropped up to its newline. */
  get skipping(): boolean {
    return this.#skipping;
  }

  /** Keeps a partial line; one already longer than the cap is reported and dropped at once. */
  #keep(text: string): void {
    const rest = this.#rest.length > 0 ? this.#rest + text : text;
    // A UTF-16 code unit is at least one UTF-8 byte, so this never reports a line that fits (the
    // 2 spare units are for a byte order mark and a CR); the exact count waits for the line's end.
    if (rest.length > this.#maxBytes + 2) {
      this.#rest = '';
      this.#skipping = true;
      this.#onTooLong(++this.#lineNumber);
    } else this.#rest = rest;
  }

  #emit(raw: string): void {
    let line = raw.charCodeAt(raw.length - 1) === 13 ? raw.slice(0, -1) : raw;
    // A byte order mark opens a file saved by some Windows tools; `cat a.jsonl b.jsonl` puts the
    // second file's mark at the start of a line mid-stream. It is not data.
    if (line.charCodeAt(0) === 0xfeff) line = line.slice(1);
    const n = ++this.#lineNumber;
    // Up to 3 UTF-8 bytes per UTF-16 code unit: only a long line needs counting.
    if (line.length * 3 > this.#maxBytes && utf8Length(line) > this.#maxBytes) this.#onTooLong(n);
    else this.onLine(line, n);
  }
}
