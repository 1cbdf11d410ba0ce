/** What `onChange` and `onWarning` return: stop listening with `dispose()` (as cockatiel does). */

/** A handle that releases what it holds; `dispose()` twice is harmless. */
export interface Disposable {
  dispose(): void;
}

/** The well-known symbol for `using`, where the runtime has it (Node ≥ 20.4). */
const DISPOSE: symbol | undefined = (Symbol as { dispose?: symbol }).dispose;

/** A disposable that calls `release` once; also `[Symbol.dispose]` where the runtime defines it. */
export function toDisposable(release: () => void): Disposable {
  let done = false;
  const dispose = (): void => {
    if (done) return;
    done = true;
    release();
  };
  return DISPOSE === undefined ? { dispose } : { dispose, [DISPOSE]: dispose };
}
