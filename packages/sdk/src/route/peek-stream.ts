/**
 * Streams and failover: the router may move on only before content reached the caller, so it
 * reads ahead to the first content chunk (holding any preamble) and commits only then. Every
 * read runs in the attempt's context, so the record the instrument writes at the end is filed there.
 */
import { runAttempt, type AttemptRecords } from './attempt-records.js';

/** What reading ahead found: content (commit), an end before content, or an error before content. */
export type Peeked<C> =
  | { readonly kind: 'content'; readonly held: readonly C[]; readonly it: AsyncIterator<C> }
  | { readonly kind: 'ended'; readonly held: readonly C[] }
  | { readonly kind: 'error'; readonly error: unknown };

/** Reads `source` up to and including its first content chunk. */
export async function peekStream<C>(
  source: AsyncIterable<C>,
  isContent: (chunk: C) => boolean,
  attempt: AttemptRecords,
): Promise<Peeked<C>> {
  const held: C[] = [];
  try {
    const it = runAttempt(attempt, () => source[Symbol.asyncIterator]());
    for (;;) {
      const r = await runAttempt(attempt, () => it.next());
      if (r.done === true) return { kind: 'ended', held };
      held.push(r.value);
      if (isContent(r.value)) return { kind: 'content', held, it };
    }
  } catch (error: unknown) {
    return { kind: 'error', error };
  }
}

/**
 * The committed stream the caller reads: the held chunks, then the rest. An error after commit
 * passes through unchanged; `settle` hears how the stream ended (error or not) exactly once.
 */
export async function* committedStream<C>(
  held: readonly C[],
  it: AsyncIterator<C> | undefined,
  attempt: AttemptRecords,
  settle: (error: unknown) => void,
): AsyncGenerator<C, void, undefined> {
  let settled = false;
  const end = (error: unknown): void => {
    if (settled) return;
    settled = true;
    settle(error);
  };
  try {
    yield* held;
    if (it === undefined) return end(undefined);
    for (;;) {
      const r = await runAttempt(attempt, () => it.next());
      if (r.done === true) return end(undefined);
      yield r.value;
    }
  } catch (error: unknown) {
    end(error);
    throw error;
  } finally {
    // The caller stopped early (break, return): release the source; not a failure of the target.
    if (!settled) {
      settled = true;
      await it?.return?.();
    }
  }
}
