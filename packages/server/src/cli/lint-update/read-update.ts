/** Reads the update to lint from standard input, with a cap on its size. */
import { UsageError } from '@faultline/core';
import { isTextTooLongError, readText } from '../../io/read-text.js';

/** An update is a few paragraphs; more than this on standard input is not one (`< /dev/zero`). */
const MAX_UPDATE_BYTES = 1 << 20;

/** The text on `stdin`; a usage error past 1 MiB. */
export async function readUpdate(stdin: AsyncIterable<unknown>): Promise<string> {
  try {
    return await readText(stdin, MAX_UPDATE_BYTES);
  } catch (e: unknown) {
    if (isTextTooLongError(e)) throw new UsageError(`the update TEXT: ${e.message}`, { cause: e });
    throw e;
  }
}
