/**
 * Passes a response body to the caller chunk by chunk, unchanged and unbuffered (the same
 * Uint8Array objects, pulled only when the caller reads), while an observer sees each chunk,
 * the end, an error (the same error object reaches the caller) or the caller's cancel.
 */

export interface BodyObserver {
  chunk(bytes: Uint8Array): void;
  end(): void;
  error(err: unknown): void;
  /**
   * The caller cancelled. `'drain'` asks to go on reading the rest in the background (bounded)
   * for the observer alone: the SDKs cancel the body of an error response they will retry.
   */
  cancel(): 'drain' | 'stop';
}

/** A background drain reads at most this much, for at most this long. */
const DRAIN_MAX_BYTES = 64 * 1024;
const DRAIN_MAX_MS = 2000;

/** Wraps `source`; the observer's own failures are reported, never passed to the caller. */
export function tapBody(
  source: ReadableStream<Uint8Array>,
  observer: BodyObserver,
  report: (e: unknown) => void,
): ReadableStream<Uint8Array> {
  const safely = (f: () => void): void => {
    try {
      f();
    } catch (e: unknown) {
      report(e);
    }
  };
  let reader: ReadableStreamDefaultReader<Uint8Array> | undefined;
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        reader ??= source.getReader();
        let result: Awaited<ReturnType<ReadableStreamDefaultReader<Uint8Array>['read']>>;
        try {
          result = await reader.read();
        } catch (err: unknown) {
          safely(() => observer.error(err));
          controller.error(err);
          return;
        }
        if (result.done) {
          safely(() => observer.end());
          controller.close();
          return;
        }
        controller.enqueue(result.value);
        safely(() => observer.chunk(result.value));
      },
      cancel(reason: unknown) {
        let decision: 'drain' | 'stop' = 'stop';
        safely(() => (decision = observer.cancel()));
        reader ??= source.getReader();
        if (decision === 'stop') return reader.cancel(reason);
        // The caller's cancel resolves at once; the observer reads on by itself.
        void drain(reader, observer, safely);
        return Promise.resolve();
      },
    },
    { highWaterMark: 0 },
  );
}

async function drain(
  reader: ReadableStreamDefaultReader<Uint8Array>,
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
