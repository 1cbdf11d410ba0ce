/**
 * Forwards an upstream body to the client as it arrives, with backpressure (a chunk is pulled only
 * once the client took the last one) and no buffering; the attempt's recorder sees every chunk.
 */
import type { ServerResponse } from 'node:http';
import type { WireApi } from '../config/index.js';
import type { AttemptRecorder } from './attempt-recorder.js';
import { endsAtBoundary, streamErrorEvent } from './stream-error-event.js';

/** How a body that breaks off after bytes were sent ends for the client. */
export type BrokenEnd =
  /** With failover, for event streams without a declared length: the API's own error event. */
  | { readonly kind: 'error_event'; readonly api: WireApi }
  /** Without: the connection is cut, as going direct shows. */
  | { readonly kind: 'cut' };

/** Sends `held`, then the rest of `it` (none when `it` is undefined), then ends the response. */
export async function pump(
  res: ServerResponse,
  held: readonly Buffer[],
  it: AsyncIterator<Buffer> | undefined,
  rec: AttemptRecorder | undefined,
  broken: BrokenEnd,
  signal: AbortSignal,
): Promise<void> {
  let last: Buffer | undefined;
  const write = batchedWriter(res);
  for (const chunk of held) {
    last = chunk;
    if (!write(chunk)) await drained(res);
  }
  if (it === undefined) return void res.end();
  for (;;) {
    let r: IteratorResult<Buffer>;
    try {
      r = await it.next();
    } catch (e: unknown) {
      if (signal.aborted) return rec?.clientGone(signal.reason);
      rec?.observation.error(e);
      if (broken.kind === 'error_event')
        res.end(streamErrorEvent(broken.api, !endsAtBoundary(last)));
      else res.destroy();
      return;
    }
    if (r.done === true) {
      res.end(); // the answer leaves first; the record is written after it
      rec?.observation.end();
      return;
    }
    last = r.value;
    rec?.observation.chunk(last);
    if (!write(last)) await drained(res);
  }
}

/**
 * Writes to `res`, holding what is written in one turn of the event loop until its end
 * (`setImmediate`): a body that ended in the chunk that brought it leaves with its end in one
 * write to the socket, not two; later chunks leave as soon as that turn is over.
 */
function batchedWriter(res: ServerResponse): (chunk: Buffer) => boolean {
  let held = false;
  const release = (): void => {
    held = false;
    res.uncork();
  };
  return (chunk) => {
    if (!held) {
      held = true;
      res.cork();
      setImmediate(release);
    }
    return res.write(chunk);
  };
}

/** Resolves when the client can take more, or is gone (then the next read fails on the abort). */
function drained(res: ServerResponse): Promise<void> {
  return new Promise((resolve) => {
    const done = (): void => {
      res.off('drain', done);
      res.off('close', done);
      resolve();
    };
    res.on('drain', done);
    res.on('close', done);
  });
}
