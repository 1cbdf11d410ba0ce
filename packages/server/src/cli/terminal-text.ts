/** Untrusted text (record fields, status pages, provider messages) made safe for a terminal. */
/* eslint-disable no-control-regex -- matching control characters is the point of this file */

/**
 * Whole escape sequences (ECMA-48 §5.4–5.6), so that none of their text is left to read as
 * something else: CSI (`ESC [` or 8-bit U+009B, parameters, intermediates, a final byte),
 * OSC/DCS/SOS/PM/APC strings ended by BEL or ST, and two-byte escapes (`ESC` intermediates final).
 */
const ESCAPE_SEQUENCE =
  /(?:\u001b\[|\u009b)[\u0030-\u003f]*[\u0020-\u002f]*[\u0040-\u007e]|(?:\u001b[\]PX^_]|[\u0090\u0098\u009d-\u009f])[^\u0007\u001b\u009c]*(?:\u0007|\u001b\\|\u009c)|\u001b[\u0020-\u002f]*[\u0030-\u007e]/g;

/**
 * Characters a terminal acts on rather than prints: C0 controls (tab and newline too, as a cell
 * or a field is one line), DEL, C1 controls, and the Unicode bidi controls (UAX #9 §2: the
 * embeddings and overrides U+202A–202E, the isolates U+2066–2069, the marks U+200E, U+200F,
 * U+061C) that can make text read in another order than it is stored. U+2028/2029 break lines.
 */
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069]/g;
const ANY_CONTROL = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069]/;

/** Replaces escape sequences and control characters with `?`, so no text can drive the terminal. */
export function terminalSafe(text: string): string {
  if (!ANY_CONTROL.test(text)) return text;
  return text.replace(ESCAPE_SEQUENCE, '?').replace(CONTROL, '?');
}

/** `terminalSafe` for a block of several lines: the newlines between them are kept. */
export function terminalSafeLines(text: string): string {
  if (!ANY_CONTROL.test(text)) return text;
  return text.split('\n').map(terminalSafe).join('\n');
}

/**
 * A JSON text with the characters JSON allows raw but a terminal would act on (DEL, C1 controls,
 * bidi controls, U+2028/2029) written as `\uXXXX` escapes: the same JSON value, safe to print.
 * Raw tab, CR and newline can only be white space between tokens in valid JSON: newlines are
 * kept (pretty-printed JSON), tab and CR become spaces.
 */
export function jsonForTerminal(json: string): string {
  if (!ANY_CONTROL.test(json)) return json;
  return json.replace(CONTROL, (c) => {
    if (c === '\n') return c;
    if (c === '\t' || c === '\r') return ' ';
    return `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
  });
}
