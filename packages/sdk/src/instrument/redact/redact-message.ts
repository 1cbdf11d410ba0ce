/** Scrubs provider messages before they enter a record: credentials, then echoes of the request. */
import { maskKeyShapes, REDACTED } from './key-shapes.js';
import { cutEchoes } from './prompt-echo.js';
import { cutOverlap } from './prompt-overlap.js';

/** `error_message` is cut to this length (spec/call-record.md). */
export const MAX_MESSAGE_CHARS = 500;
/** Longer messages are cut to this before scrubbing, to bound the work. */
const MAX_SCRUBBED_CHARS = 4000;

/** What the instrument knows of the request, read only when there is a message to scrub. */
export interface RedactionContext {
  /** Credential values the request carried (headers, `key=`), longest first. */
  secrets(): readonly string[];
  /** The request's text fields, joined (see `requestText`). */
  requestText(): string;
}

/** No request at hand: shapes and echo patterns only. */
export const NO_REQUEST: RedactionContext = { secrets: () => [], requestText: () => '' };

/** Removes each secret, raw and URL-encoded, wherever it occurs. */
export function removeSecrets(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const s of secrets) {
    if (out.includes(s)) out = out.split(s).join(REDACTED);
    const encoded = encodeURIComponent(s);
    if (encoded !== s && out.includes(encoded)) out = out.split(encoded).join(REDACTED);
  }
  return out;
}

/** A provider word (type, code, stop reason) with any credential removed. */
export function redactWord(word: string, ctx: RedactionContext): string {
  return maskKeyShapes(removeSecrets(word, ctx.secrets()));
}

/**
 * A provider message fit for `error_message`: the request's keys removed by value, key shapes
 * masked, quoted request values and payload dumps cut, any run of the prompt cut, 500 characters.
 */
export function redactMessage(message: string, ctx: RedactionContext): string {
  // Keys first, on the whole message, so that no cut leaves part of one behind.
  let out = maskKeyShapes(removeSecrets(message, ctx.secrets()));
  if (out.length > MAX_SCRUBBED_CHARS) out = out.slice(0, MAX_SCRUBBED_CHARS);
  out = cutOverlap(cutEchoes(out), ctx.requestText());
  return out.length > MAX_MESSAGE_CHARS ? out.slice(0, MAX_MESSAGE_CHARS) : out;
}
