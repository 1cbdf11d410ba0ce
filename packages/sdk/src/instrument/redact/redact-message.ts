/** Scrubs provider messages before they enter a record: credentials, then echoes of the request. */
import { maskKeyShapes, REDACTED } from './key-shapes.js';
import { conservativeWord, firstClause } from './conservative.js';
import { findEmbeddedJson, scrubJson } from './embedded-json.js';
import { cutEchoes, firstLine } from './prompt-echo.js';
import { cutOverlap, MIN_ECHO_CHARS } from './prompt-overlap.js';

/** `error_message` is cut to this length (spec/call-record.md). */
export const MAX_MESSAGE_CHARS = 500;
/** Longer messages are cut to this before scrubbing, to bound the work. */
const MAX_SCRUBBED_CHARS = 4000;
/** JSON inside JSON inside a message is unwrapped this deep at most. */
const MAX_JSON_DEPTH = 3;
/**
 * Provider enum words ("end_turn", "STOP", "rate_limit_error"): too short to hold an echo of the
 * request (`MIN_ECHO_CHARS`), shaped like no key (key-shapes.ts) and no credential anyone uses.
 */
const ENUM_WORD = /^[A-Za-z_]{0,15}$/;

/** What the instrument knows of the request, read only when there is a message to scrub. */
export interface RedactionContext {
  /** Credential values the request carried (headers, `key=`), longest first. */
  secrets(): readonly string[];
  /** The request's text fields, joined (see `requestText`). */
  requestText(): string;
  /**
   * Part of the request could not be read (a stream or Blob body): an echo cannot be recognized,
   * so only what cannot be one is kept (conservative.ts).
   */
  readonly textUnknown?: boolean;
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

/**
 * A provider word (type, code, stop reason) with any credential removed and any run of the
 * request's text cut; an enum word costs one regex test.
 */
export function redactWord(word: string, ctx: RedactionContext): string {
  if (ENUM_WORD.test(word)) return word;
  const out = maskKeyShapes(removeSecrets(word, ctx.secrets()));
  if (out.length < MIN_ECHO_CHARS) return out;
  return ctx.textUnknown === true ? conservativeWord(out) : cutOverlap(out, ctx.requestText());
}

/**
 * A provider message fit for `error_message`: the request's keys removed by value, key shapes
 * masked, quoted request values and payload dumps cut, any run of the prompt cut, 500 characters.
 * An error wrapped as JSON inside it keeps its own words (embedded-json.ts).
 */
export function redactMessage(message: string, ctx: RedactionContext): string {
  // Keys first, on the whole message, so that no cut leaves part of one behind.
  let out = maskKeyShapes(removeSecrets(message, ctx.secrets()));
  if (out.length > MAX_SCRUBBED_CHARS) out = out.slice(0, MAX_SCRUBBED_CHARS);
  out = scrubEchoes(out, ctx, 0);
  return out.length > MAX_MESSAGE_CHARS ? out.slice(0, MAX_MESSAGE_CHARS) : out;
}

function scrubEchoes(message: string, ctx: RedactionContext, depth: number): string {
  const line = firstLine(message);
  const json = depth < MAX_JSON_DEPTH && line.includes('{') ? findEmbeddedJson(line) : undefined;
  if (json === undefined) return scrubPlain(line, ctx);
  const inner = scrubJson(json.value, (words) => scrubEchoes(words, ctx, depth + 1));
  return scrubPlain(json.head, ctx) + JSON.stringify(inner) + scrubPlain(json.tail, ctx);
}

function scrubPlain(text: string, ctx: RedactionContext): string {
  if (text.length === 0) return text;
  const out = cutOverlap(cutEchoes(text), ctx.requestText());
  return ctx.textUnknown === true ? firstClause(out) : out;
}
