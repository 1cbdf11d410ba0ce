/**
 * The text of a request body, read without consuming or awaiting it: strings, bytes (`Uint8Array`,
 * `Buffer`, `DataView`, `ArrayBuffer`), `URLSearchParams` and the string fields of `FormData`.
 * A `Blob`, a `ReadableStream` or a `Request`'s own body cannot be read so; its text is unknown,
 * and redaction then keeps only what cannot be an echo (redact/conservative.ts).
 */
import type { FetchInit, FetchInput } from './fetch-types.js';

/** Bytes decoded at most: the prompt-overlap search reads no further (redact/prompt-overlap.ts). */
const MAX_DECODED_BYTES = 4 << 20;

const decoder = new TextDecoder();

export interface BodyText {
  /** The body as text (what was sent), when it can be read. */
  readonly text: string | undefined;
  /** The text someone wrote, when it differs from `text` (form fields, joined). */
  readonly fields: string | undefined;
  /** Part of the body could not be read: an echo of it cannot be recognized. */
  readonly unknown: boolean;
}

const NONE: BodyText = { text: undefined, fields: undefined, unknown: false };
const UNKNOWN: BodyText = { text: undefined, fields: undefined, unknown: true };

/** Reads the body `init` gives, else the one of a `Request` input. */
export function readBodyText(input: FetchInput, init: FetchInit): BodyText {
  const body = init?.body;
  if (typeof body === 'string') return { text: body, fields: undefined, unknown: false };
  if (body === undefined || body === null) {
    // init's body replaces the Request's; without one, the Request's stream is sent.
    return input instanceof Request && input.body !== null ? UNKNOWN : NONE;
  }
  if (ArrayBuffer.isView(body)) {
    const bytes = new Uint8Array(body.buffer, body.byteOffset, body.byteLength);
    return { text: decode(bytes), fields: undefined, unknown: false };
  }
  if (body instanceof ArrayBuffer)
    return { text: decode(new Uint8Array(body)), fields: undefined, unknown: false };
  if (body instanceof URLSearchParams)
    return { text: body.toString(), fields: [...body.values()].join('\u0000'), unknown: false };
  if (body instanceof FormData) {
    const parts: string[] = [];
    let unknown = false;
    for (const value of body.values()) {
      if (typeof value === 'string') parts.push(value);
      else unknown = true; // a file: its content cannot be read without awaiting it
    }
    return { text: undefined, fields: parts.join('\u0000'), unknown };
  }
  return UNKNOWN; // Blob, ReadableStream, async iterables
}

function decode(bytes: Uint8Array): string {
  return decoder.decode(
    bytes.byteLength > MAX_DECODED_BYTES ? bytes.subarray(0, MAX_DECODED_BYTES) : bytes,
  );
}
