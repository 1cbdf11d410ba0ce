/**
 * Cuts the parts of a provider's message that quote the request back: validation errors echo the
 * offending value (OpenAI "Invalid value for 'messages[0].content': … 'the prompt'", Gemini
 * "Invalid JSON payload received. … {"contents": …", pydantic-based OpenAI-compatible servers
 * "input_value={'role': 'user', …}"). What stays is the error's kind and its location.
 */
import { REDACTED } from './key-shapes.js';

/** A quoted value kept as is: a field path, enum word or model id ('messages[0].content', 'user'). */
export const LOCATION_LIKE = /^[\w$.[\]\-/:@*]{0,64}$/;

/**
 * A quoted span: '…', "…" or `…`, whose opening quote does not follow a letter (so "can't … it's"
 * is not a quote). Long spans are bounded so the regex stays linear on odd input.
 */
const QUOTED = /(?<![\p{L}\p{N}])(['"`])([^\n]{0,4000}?)\1(?![\p{L}\p{N}])/gu;

/** Where pydantic and similar validators start printing the input they rejected. */
const INPUT_DUMP = /,?\s*\[?\s*\b(?:input_value|input|value)\s*=\s*[{[("']/;

/** The first line: providers put payload excerpts and carets on the lines after it (Gemini). */
export function firstLine(message: string): string {
  const text = message.trimStart();
  const br = text.search(/[\r\n]/);
  return br === -1 ? text : text.slice(0, br);
}

/** The message with quoted request values masked, echoed payloads and later lines cut. */
export function cutEchoes(message: string): string {
  let out = firstLine(message);
  const dump = INPUT_DUMP.exec(out);
  if (dump !== null) out = out.slice(0, dump.index);
  out = out.replace(QUOTED, (whole, quote: string, inner: string) =>
    LOCATION_LIKE.test(inner) ? whole : `${quote}${REDACTED}${quote}`,
  );
  return out;
}
