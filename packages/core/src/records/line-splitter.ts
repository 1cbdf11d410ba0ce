/** Splits decoded text chunks into lines (LF or CRLF) without copying whole buffers. */

/** Feeds text chunks in; calls `onLine` with each complete line, numbered from 1. */
export class LineSplitter {
  #rest = '';
  #lineNumber = 0;

  constructor(private readonly onLine: (line: string, lineNumber: number) => void) {}

  /** Adds a chunk; complete lines are passed on at once, a partial last line is kept. */
  push(chunk: string): void {
    // A byte order mark before the first line (files saved by some Windows tools) is not data.
    if (this.#lineNumber === 0 && this.#rest.length === 0 && chunk.charCodeAt(0) === 0xfeff) {
      chunk = chunk.slice(1);
    }
    const text = this.#rest.length > 0 ? this.#rest + chunk : chunk;
    let start = 0;
    let nl = text.indexOf('\n', start);
    while (nl !== -1) {
      const end = nl > start && text.charCodeAt(nl - 1) === 13 ? nl - 1 : nl;
      this.onLine(text.slice(start, end), ++this.#lineNumber);
      start = nl + 1;
      nl = text.indexOf('\n', start);
    }
    this.#rest = start === 0 ? text : text.slice(start);
  }

  /** Flushes a last line that had no newline. */
  end(): void {
    if (this.#rest.length > 0) {
      const rest = this.#rest.endsWith('\r') ? this.#rest.slice(0, -1) : this.#rest;
      this.#rest = '';
      this.onLine(rest, ++this.#lineNumber);
    }
  }

  /** How many lines were passed on so far. */
  get lineCount(): number {
    return this.#lineNumber;
  }
}
