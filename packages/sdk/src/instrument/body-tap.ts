/**
 * Passes a response body to the caller chunk by chunk, unchanged and unbuffered (the same
 * Uint8Array objects, pulled only when the caller reads), while an observer sees each chunk,
 * the end, an error (the same error object reaches the caller) or the caller's cancel.
 */

export interface BodyObserver {
  chunk(bytes: Uint8Array): void;
  end(): void;
  error(err: unknown): void;
  cancel(): void;
}

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
        safely(() => observer.cancel());
        return reader !== undefined ? reader.cancel(reason) : source.cancel(reason);
      },
    },
    { highWaterMark: 0 },
  );
}
