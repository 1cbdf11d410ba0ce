/** A fetch that tells its owner each response's status and headers, then hands the response on. */

/** Told of every response before the caller sees it; must not throw (guarded anyway). */
export type ResponseListener = (status: number, headers: Headers) => void;

/** Wraps `base` so `listener` sees each response's status and headers; the response is unchanged. */
export function watchFetch(
  base: typeof globalThis.fetch,
  listener: ResponseListener,
  report: (error: unknown) => void,
): typeof globalThis.fetch {
  return async (input, init) => {
    const response = await base(input, init);
    try {
      listener(response.status, response.headers);
    } catch (e: unknown) {
      report(e);
    }
    return response;
  };
}
