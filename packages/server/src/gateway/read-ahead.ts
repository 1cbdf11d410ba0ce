/**
 * Reading ahead while failover is still possible (nothing has reached the client): a stream up to
 * its first content delta, holding the preamble (`message_start`, `ping`, `response.created`); a
 * non-stream body whole, to judge its output. The SDK's interpreters and SSE decoder decide.
 */
import { interpreterFor, SseDecoder } from '@faultline/sdk';
import type { AttemptRecorder } from './attempt-recorder.js';
import type { ClientLink } from './client-link.js';
import { qualityFailure } from './moves-on.js';

/** Held bytes past this are committed anyway: reading ahead must not become buffering. */
const MAX_HELD_BYTES = 8 << 20;

/** Commit (send `held`, then the rest unless `ended`), move on to the next target, or stop. */
export type ReadAhead =
  | { readonly kind: 'commit'; readonly held: readonly Buffer[]; readonly ended: boolean }
  | { readonly kind: 'move_on' }
  | { readonly kind: 'client_gone' };

/** Reads `it` until the attempt is judged; the recorder sees every chunk. */
export async function readAhead(
  it: AsyncIterator<Buffer>,
  rec: AttemptRecorder,
  provider: string,
  eventStream: boolean,
  client: ClientLink,
): Promise<ReadAhead> {
  const interpreter = eventStream ? interpreterFor(provider, rec.facts.endpoint) : undefined;
  if (eventStream && interpreter === undefined) return { kind: 'commit', held: [], ended: false };
  const sse =
    interpreter === undefined ? undefined : new SseDecoder((n, d) => interpreter.event(n, d));
  const held: Buffer[] = [];
  let bytes = 0;
  for (;;) {
    let r: IteratorResult<Buffer>;
    try {
      r = await it.next();
    } catch (e: unknown) {
      if (client.aborted) return { kind: 'client_gone' };
      rec.observation.error(e);
      return { kind: 'move_on' };
    }
    if (r.done === true) {
      rec.observation.end();
      if (interpreter !== undefined) return { kind: 'move_on' }; // ended before any content
      return qualityFailure(rec.record)
        ? { kind: 'move_on' }
        : { kind: 'commit', held, ended: true };
    }
    const chunk = r.value;
    held.push(chunk);
    bytes += chunk.length;
    rec.observation.chunk(chunk);
    if (interpreter !== undefined) {
      sse!.push(chunk);
      const s = interpreter.state;
      if (s.streamErrorType !== undefined) return { kind: 'move_on' };
      if (s.chars > 0 || s.toolCall || s.media || sse!.overflowed)
        return { kind: 'commit', held, ended: false };
    }
    if (bytes > MAX_HELD_BYTES) return { kind: 'commit', held, ended: false };
  }
}
