/**
 * Redaction when the request's text could not be read (a stream, Blob or `Request` body): no echo
 * of it can be recognized, so a message keeps only its first clause, where providers name the
 * error and its location ("prompt is too long", "Invalid value for 'messages[0].content'"), and
 * a provider word with spaces in it (never an enum word) is dropped.
 */
import { REDACTED } from './key-shapes.js';

/** Where a message starts quoting or explaining: a colon, a cut quote, a payload, a sentence end. */
const CLAUSE_END = /:\s|\[redacted\]|[{=;]|\.\s|\s[-–—]+\s/;

/** The first clause is cut to this length. */
const MAX_CLAUSE_CHARS = 160;

/** The first clause of a message already scrubbed by `cutEchoes`. */
export function firstClause(message: string): string {
  const end = message.search(CLAUSE_END);
  const out = (end === -1 ? message : message.slice(0, end)).trimEnd();
  return out.length > MAX_CLAUSE_CHARS ? out.slice(0, MAX_CLAUSE_CHARS) : out;
}

/** A provider word when the request is unknown: words with whitespace are free text, dropped. */
export function conservativeWord(word: string): string {
  return /\s/.test(word) ? REDACTED : word;
}
