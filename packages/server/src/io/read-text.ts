/** Reads a whole small text input (an update to lint) as UTF-8, with a cap on its size. */
import { StringDecoder } from 'node:string_decoder';
import { FaultlineError, hasBrand } from '@faultline/core';

/** Thrown when the input is over the cap: the command says so instead of reading forever. */
export class TextTooLongError extends FaultlineError {
  readonly isTextTooLongError = true;
  override name = 'TextTooLongError';
}

/** Whether `e` is a {@link TextTooLongError}. */
export function isTextTooLongError(e: unknown): e is TextTooLongError {
  return hasBrand(e, 'isTextTooLongError');
}

/**
 * The text of `input`, decoded as a stream so a character split across reads comes out whole,
 * without a leading byte order mark. Stops with a `TextTooLongError` past `maxBytes`.
 */
export async function readText(input: AsyncIterable<unknown>, maxBytes: number): Promise<string> {
  const decoder = new StringDecoder('utf8');
  const parts: string[] = [];
  let bytes = 0;
  for await (const chunk of input) {
    const buf = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
    bytes += buf.length;
    if (bytes > maxBytes) throw new TextTooLongError(`the input is over ${maxBytes} bytes`);
    parts.push(decoder.write(buf));
  }
  parts.push(decoder.end());
  const text = parts.join('');
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
