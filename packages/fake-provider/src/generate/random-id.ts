/** Provider-looking identifiers (request ids, message ids); unique enough, not secret. */

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const HEX = '0123456789abcdef';

function randomFrom(alphabet: string, length: number): string {
  let out = '';
  for (let i = 0; i < length; i++) out += alphabet[Math.floor(Math.random() * alphabet.length)];
  return out;
}

/** `length` random base-62 characters, e.g. for `req_011C…` and `msg_01…`. */
export function base62Id(length: number): string {
  return randomFrom(BASE62, length);
}

/** `length` random lowercase hex digits, e.g. for OpenAI's `x-request-id`. */
export function hexId(length: number): string {
  return randomFrom(HEX, length);
}
