/**
 * Forwards an upstream body to the client as it arrives, with backpressure (a chunk is pulled only
 * once the client took the last one) and no buffering; the attempt's recorder sees every chunk.
 * No batching of our own: Node corks a response's socket until the end of the tick it was written
 * in, and the upstream body (upstream-body.ts) hands over a chunk and the end that came with it in
 * one tick, so a short answer leaves in one write with its head and end.
 */
import type { ServerResponse } from 'node:http';
import type { WireApi } from '../config/index.js';
import type { AttemptRecorder } from './attempt-recorder.js';
import type { ClientLink } from './client-link.js';
import { endsAtBoundary, streamErrorEvent } from './stream-error-event.js';
import type { UpstreamBody } from './upstream-body.js';

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
  it: UpstreamBody | undefined,
  rec: AttemptRecorder | undefined,
  broken: BrokenEnd,
  client: ClientLink,
): Promise<void> {
  let last: Buffer | undefined;
  for (let i = 0; i < held.length; i++) {
    last = held[i]!;
    if (it === undefined && i === held.length - 1) return void res.end(last); // with the end
    if (!res.write(last) && !(await drained(res, client))) return rec?.clientGone(client.reason);
  }
  if (it === undefined) return void res.end();
  for (;;) {
    let r: IteratorResult<Buffer>;
    try {
      r = await it.next();
    } catch (e: unknown) {
      if (client.aborted) return rec?.clientGone(client.reason);
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
    if (it.taken) {
      // The last chunk leaves with the end in one write (the usual non-stream answer).
      res.end(last);
      rec?.observation.end();
      return;
    }
    // Gone while bytes still waited for it: the answer did not reach it, even if all came in.
    if (!res.write(last) && !(await drained(res, client))) return rec?.clientGone(client.reason);
  }
}

/** Resolves `true` when the client can take more, `false` once it is gone. */
async function drained(res: ServerResponse, client: ClientLink): Promise<boolean> {
  if (!res.destroyed)
    await new Promise<void>((resolve) => {
      const done = (): void => {
        res.off('drain', done);
        res.off('close', done);
        resolve();
      };
      res.on('drain', done);
      res.on('close', done);
    });
  return !client.aborted && !res.destroyed;
}
