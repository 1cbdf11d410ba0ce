/**
 * An incremental decoder of Server-Sent Events (WHATWG HTML §9.2.6): bytes in, (event, data) out.
 * It reads a copy of what passes to the caller and never alters it.
 */

export class SseDecoder {
  readonly #decoder = new TextDecoder();
  #rest = '';
  #event = '';
  #data: string[] = [];

  constructor(private readonly onEvent: (name: string, data: string) => void) {}

  push(bytes: Uint8Array): void {
    this.pushText(this.#decoder.decode(bytes, { stream: true }));
  }

  /** Adds already decoded text. */
  pushText(chunk: string): void {
    const text = this.#rest + chunk;
    let start = 0;
    for (;;) {
      const nl = nextBreak(text, start);
      if (nl === -1) break;
      this.#line(text.slice(start, nl));
      // CRLF counts as one line break
      start = text.charCodeAt(nl) === 13 && text.charCodeAt(nl + 1) === 10 ? nl + 2 : nl + 1;
      if (start > text.length) break;
    }
    this.#rest = text.slice(start);
  }

  /** Ends the stream; an event left without its blank line is still delivered. */
  end(): void {
    const tail = this.#rest + this.#decoder.decode();
    this.#rest = '';
    if (tail.length > 0) this.#line(tail);
    this.#line('');
  }

  #line(line: string): void {
    if (line.length === 0) {
      if (this.#data.length > 0) this.onEvent(this.#event || 'message', this.#data.join('\n'));
      this.#event = '';
      this.#data = [];
      return;
    }
    if (line.charCodeAt(0) === 58) return; // ':' comment
    const colon = line.indexOf(':');
    const field = colon === -1 ? line : line.slice(0, colon);
    let value = colon === -1 ? '' : line.slice(colon + 1);
    if (value.charCodeAt(0) === 32) value = value.slice(1);
    if (field === 'data') this.#data.push(value);
    else if (field === 'event') this.#event = value;
  }
}

function nextBreak(text: string, from: number): number {
  const lf = text.indexOf('\n', from);
  const cr = text.indexOf('\r', from);
  if (cr === -1) return lf;
  if (lf === -1) return cr === text.length - 1 ? -1 : cr; // a trailing CR may be half of CRLF
  return Math.min(lf, cr);
}
