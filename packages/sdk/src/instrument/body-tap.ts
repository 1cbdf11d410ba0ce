/**
 * Passes a response body to the caller chunk by chunk, unchanged and unbuffered (pulled only when
 * the caller reads), while an observer sees each chunk, the end, an error (the same error object
 * reaches the caller) or the caller's cancel. Like undici's own body it is a byte stream, so BYOB
 * readers work as with native fetch.
 */

export interface BodyObserver {
  /**
   * A chunk on its way to the caller. The bytes are valid during this call only: the byte stream
   * then transfers their buffer to the caller, so an observer that keeps them keeps a copy.
   */
  chunk(bytes: Uint8Array): void;
  end(): void;
  error(err: unknown): void;
  /**
   * The caller cancelled. `'drain'` asks to go on reading the rest in the background (bounded)
   * for the observer alone: the SDKs cancel the body of an error response they will retry.
   */
  cancel(): 'drain' | 'stop';
}

/** Told once the caller has read the body to its end (abort-state.ts). */
export interface BodyEnd {
  bodyEnded(): void;
}

/** A background drain reads at most this much, for at most this long. */
const DRAIN_MAX_BYTES = 64 * 1024;
const DRAIN_MAX_MS = 2000;

type Reader = ReadableStreamDefaultReader<Uint8Array>;

/**
 * Wraps `source`; the observer's own failures are reported, never passed to the caller. `end`,
 * when given, is marked once the caller has read to the end.
 */
export function tapBody(
  source: ReadableStream<Uint8Array>,
  observer: BodyObserver,
  report: (e: unknown) => void,
  end?: BodyEnd,
): ReadableStream<Uint8Array> {
  let reader: Reader | undefined;
  // No closure per call or per chunk: this runs for every chunk of every response.
  return new ReadableStream({
    type: 'bytes',
    async pull(controller) {
      reader ??= source.getReader();
      for (;;) {
        let result: Awaited<ReturnType<Reader['read']>>;
        try {
          result = await reader.read();
        } catch (err: unknown) {
          try {
            observer.error(err);
          } catch (e: unknown) {
            report(e);
          }
          controller.error(err);
          return;
        }
        if (result.done) {
          end?.bodyEnded();
          try {
            observer.end();
          } catch (e: unknown) {
            report(e);
          }
          controller.close();
          // A pending BYOB read is answered with `done` only once it is responded to (Streams §4.10).
          controller.byobRequest?.respond(0);
          return;
        }
        const chunk = result.value;
        // A byte stream refuses empty chunks; native fetch never hands one to the caller either.
        if (chunk.byteLength === 0) continue;
        try {
          observer.chunk(chunk);
        } catch (e: unknown) {
          report(e);
        }
        controller.enqueue(chunk);
        return;
      }
    },
    cancel(reason: unknown) {
      let decision: 'drain' | 'stop' = 'stop';
      try {
        decision = observer.cancel();
      } catch (e: unknown) {
        report(e);
      }
      reader ??= source.getReader();
      if (decision === 'stop') return reader.cancel(reason);
      // The caller's cancel resolves at once; the observer reads on by itself.
      void drain(reader, observer, (f) => {
        try {
          f();
        } catch (e: unknown) {
          report(e);
        }
      });
      return Promise.resolve();
    },
  });
}

async function drain(
  reader: Reader,
  observer: BodyObserver,
  safely: (f: () => void) => void,
): Promise<void> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), DRAIN_MAX_MS);
    (timer as { unref?: () => void }).unref?.();
  });
  let bytes = 0;
  try {
    for (;;) {
      const result = await Promise.race([reader.read(), timeout]);
      if (result === 'timeout' || result.done || bytes > DRAIN_MAX_BYTES) {
        safely(() => observer.end());
        break;
      }
      bytes += result.value.byteLength;
      safely(() => observer.chunk(result.value));
    }
  } catch (err: unknown) {
    safely(() => observer.error(err));
  } finally {
    clearTimeout(timer);
    reader.cancel().catch(() => undefined);
  }
}
