/**
 * An incremental decoder of Server-Sent Events (WHATWG HTML §9.2.6): bytes in, (event, data) out.
 * It reads a copy of what passes to the caller and never alters it. Its work is bounded: a line
 * or an event larger than the caps below stops the decoding for good (`overflowed`), so a stream
 * with no line break costs neither memory nor time beyond that point.
 */
import { Utf8Stream } from './utf8-stream.js';

/** A line longer than this (in UTF-16 code units, ~bytes for JSON) is not inspected. */
export const MAX_SSE_LINE_CHARS = 4 << 20;
/** An event whose data lines add up to more than this is not inspected. */
export const MAX_SSE_EVENT_CHARS = 4 << 20;

export class SseDecoder {
  readonly #decoder = new Utf8Stream();
  /** The unfinished line, in pieces (joined only when its break arrives). */
  #pending: string[] = [];
  #pendingChars = 0;
  /** The last piece ended with CR: an LF that starts the next one belongs to it. */
  #afterCr = false;
  #event = '';
  /** The event's data lines joined with LF, once it has one (`#hasData`). */
  #data = '';
  #hasData = false;
  #dataChars = 0;
  #overflowed = false;

  /**
   * @param onEvent receives each complete event
   * @param onOverflow called once when a cap is passed; no event is delivered after it
   */
  constructor(
    private readonly onEvent: (name: string, data: string) => void,
    private readonly onOverflow: () => void = () => undefined,
  ) {}

  /** True once a cap was passed: the rest of the stream is not inspected. */
  get overflowed(): boolean {
    return this.#overflowed;
  }

  push(bytes: Uint8Array): void {
    if (this.#overflowed) return;
    this.pushText(this.#decoder.decode(bytes));
  }

  /** Adds already decoded text. */
  pushText(chunk: string): void {
    if (chunk.length === 0) return; // an empty chunk must not forget a CR that ended the last one
    let start = 0;
    if (this.#afterCr && chunk.charCodeAt(0) === 10) start = 1; // the LF of a CRLF split in two
    this.#afterCr = false;
    // Next LF and CR positions, each searched again only once passed (one scan per chunk).
    let lf = chunk.indexOf('\n', start);
    let cr = chunk.indexOf('\r', start);
    while (!this.#overflowed && (lf !== -1 || cr !== -1)) {
      const nl = cr === -1 || (lf !== -1 && lf < cr) ? lf : cr;
      if (this.#pending.length === 0) this.#line(chunk, start, nl);
      else {
        const line = this.#take(chunk.slice(start, nl));
        this.#line(line, 0, line.length);
      }
      if (nl === cr) {
        if (nl + 1 === chunk.length) {
          this.#afterCr = true;
          return;
        }
        start = chunk.charCodeAt(nl + 1) === 10 ? nl + 2 : nl + 1;
      } else start = nl + 1;
      if (lf !== -1 && lf < start) lf = chunk.indexOf('\n', start);
      if (cr !== -1 && cr < start) cr = chunk.indexOf('\r', start);
    }
    if (this.#overflowed || start >= chunk.length) return;
    this.#pendingChars += chunk.length - start;
    if (this.#pendingChars > MAX_SSE_LINE_CHARS) return this.#overflow();
    this.#pending.push(start === 0 ? chunk : chunk.slice(start));
  }

  /** Ends the stream; an event left without its blank line is still delivered. */
  end(): void {
    if (this.#overflowed) return;
    this.pushText(this.#decoder.end());
    const tail = this.#take('');
    if (tail.length > 0) this.#line(tail, 0, tail.length);
    if (!this.#overflowed) this.#line('', 0, 0);
  }

  /** The pending pieces and `last` as one line; clears the pending pieces. */
  #take(last: string): string {
    if (this.#pending.length === 0) return last;
    const line = this.#pending.join('') + last;
    this.#pending = [];
    this.#pendingChars = 0;
    return line;
  }

  #overflow(): void {
    this.#overflowed = true;
    this.#pending = [];
    this.#data = '';
    this.#hasData = false;
    this.onOverflow();
  }

  /** The line `text[from, to)`, read in place: only a field's value is cut out of the chunk. */
  #line(text: string, from: number, to: number): void {
    if (to - from > MAX_SSE_LINE_CHARS) return this.#overflow();
    if (to === from) {
      if (this.#hasData) this.onEvent(this.#event || 'message', this.#data);
      this.#event = '';
      this.#data = '';
      this.#hasData = false;
      this.#dataChars = 0;
      return;
    }
    if (text.charCodeAt(from) === 58) return; // ':' comment
    // Only `data` and `event` are read (HTML §9.2.6: `id` and `retry` do not change the data).
    const field = isField(text, from, to, 'data') ? 4 : isField(text, from, to, 'event') ? 5 : 0;
    if (field === 0) return;
    let at = from + field + 1; // past the colon, if any
    if (at < to && text.charCodeAt(at) === 32) at++;
    const value = at >= to ? '' : text.slice(at, to);
    if (field === 5) {
      this.#event = value;
      return;
    }
    this.#dataChars += value.length + 1;
    if (this.#dataChars > MAX_SSE_EVENT_CHARS) return this.#overflow();
    this.#data = this.#hasData ? `${this.#data}\n${value}` : value;
    this.#hasData = true;
  }
}

/** The line `text[from, to)` names field `name`: the whole line, or the part before its first colon. */
function isField(text: string, from: number, to: number, name: string): boolean {
  const end = from + name.length;
  return end <= to && text.startsWith(name, from) && (end === to || text.charCodeAt(end) === 58);
}
