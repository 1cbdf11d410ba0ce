/**
 * Server-Sent Events parsing, as the HTML standard's "event stream interpretation" says: lines end
 * in CRLF, LF or CR; `field: value` (one leading space dropped); `:` starts a comment; a blank
 * line dispatches the event, and one without `data` is dropped.
 */

/** One dispatched event. */
export interface SseEvent {
  /** `event:`; "message" when none was given. */
  readonly type: string;
  /** `data:` lines joined with newlines. */
  readonly data: string;
  /** The last `id:` seen (it carries over to later events, as the standard says). */
  readonly id: string;
}

/** Turns chunks of an event stream into events; chunks may split lines anywhere. */
export class SseParser {
  #rest = '';
  #type = '';
  #data: string[] = [];
  #id = '';
  /** The last chunk ended in CR: a LF starting the next one is the rest of a CRLF. */
  #afterCr = false;

  /** Takes the next chunk of text; returns the events it completed. */
  push(chunk: string): SseEvent[] {
    if (chunk === '') return [];
    const text = this.#rest + (this.#afterCr && chunk.startsWith('\n') ? chunk.slice(1) : chunk);
    const lines = text.split(/\r\n|\r|\n/);
    // The last piece has no line end yet.
    this.#rest = lines.pop() ?? '';
    this.#afterCr = text.endsWith('\r');
    const events: SseEvent[] = [];
    for (const line of lines) {
      const event = this.#line(line);
      if (event !== undefined) events.push(event);
    }
    return events;
  }

  #line(line: string): SseEvent | undefined {
    if (line === '') return this.#dispatch();
    if (line.startsWith(':')) return undefined;
    const colon = line.indexOf(':');
    const field = colon < 0 ? line : line.slice(0, colon);
    let value = colon < 0 ? '' : line.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    if (field === 'event') this.#type = value;
    else if (field === 'data') this.#data.push(value);
    else if (field === 'id' && !value.includes('\0')) this.#id = value;
    return undefined;
  }

  #dispatch(): SseEvent | undefined {
    const data = this.#data;
    const type = this.#type;
    this.#data = [];
    this.#type = '';
    if (data.length === 0) return undefined;
    return { type: type === '' ? 'message' : type, data: data.join('\n'), id: this.#id };
  }
}
