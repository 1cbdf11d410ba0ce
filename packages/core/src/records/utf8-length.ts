/** The UTF-8 size of a string, counted without encoding it. */

/**
 * Bytes `text` takes in UTF-8 (RFC 3629 §3): 1 below U+0080, 2 below U+0800, 4 for a surrogate
 * pair, 3 otherwise — a lone surrogate too, since encoders write it as U+FFFD.
 */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff && isLowSurrogate(text.charCodeAt(i + 1))) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

function isLowSurrogate(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}
