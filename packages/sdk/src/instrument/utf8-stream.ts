/** Streaming UTF-8 decoding that takes the fast, stateless path for chunks that end on a boundary. */

/** Strips a leading BOM, as a stream decoder does at the start of a stream (Encoding §10.2.4). */
const FIRST = new TextDecoder('utf-8');
/** Keeps a BOM: past the start of a stream it is an ordinary character. */
const LATER = new TextDecoder('utf-8', { ignoreBOM: true });
const STREAM = { stream: true } as const;

/**
 * Decodes a byte stream exactly as one `TextDecoder` with `{ stream: true }` does. Node's decoder
 * has a fast path only for whole inputs; in stream mode it goes through ICU at several times the
 * cost. A chunk that ends with an ASCII byte leaves no partial character behind, so when the
 * previous chunk also did, it is decoded whole by a shared decoder. Only chunks that follow one
 * ending mid-character (rare in SSE, whose lines end with `\n`) take the stream decoder.
 */
export class Utf8Stream {
  #started = false;
  /** The last chunk may have ended inside a character: the stream decoder holds its bytes. */
  #open = false;
  #stream: InstanceType<typeof TextDecoder> | undefined;

  /** The text of the next chunk. */
  decode(bytes: Uint8Array): string {
    if (bytes.byteLength === 0) return '';
    const endsClean = bytes[bytes.byteLength - 1]! < 0x80;
    let text: string;
    if (!this.#open && endsClean) {
      text = (this.#started ? LATER : FIRST).decode(bytes);
    } else {
      // A new stream decoder strips a BOM only if nothing was decoded before it.
      this.#stream ??= new TextDecoder('utf-8', { ignoreBOM: this.#started });
      text = this.#stream.decode(bytes, STREAM);
    }
    this.#started = true;
    this.#open = !endsClean;
    return text;
  }

  /** The end: the replacement character for a character left unfinished, else nothing. */
  end(): string {
    if (!this.#open || this.#stream === undefined) return '';
    this.#open = false;
    return this.#stream.decode();
  }
}
