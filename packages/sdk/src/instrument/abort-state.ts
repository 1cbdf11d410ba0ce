/**
 * Body consumers that fail as native fetch's do after an abort. undici marks a response aborted
 * when the request's signal fires before its body was read to the end; `text()`, `json()`,
 * `arrayBuffer()`, `blob()`, `formData()` and `bytes()` then reject with `AbortError: The
 * operation was aborted.` and leave the body unused, whatever the abort's reason (undici
 * `lib/web/fetch/body.js` `consumeBody` → `throwIfAborted`), while a reader, or a consumer started
 * before the abort, gets the reason itself. A clone made after the abort is aborted too; one made
 * before it is not, and the original's body (a branch of the tee) is then cancelled by the abort
 * (`abortFetch`). A Response built over the tap (observe-response.ts) has no such mark, so its
 * consumers check the signal first.
 */
import type { BodyEnd, BodyObserver } from './body-tap.js';

/** What one response's consumers need to know about its request's abort. */
export class AbortState implements BodyEnd {
  #ended = false;
  #armed: (() => void) | undefined;

  constructor(
    readonly signal: AbortSignal | undefined,
    /** Told of a read refused after the abort: the body is never read, so its record is written. */
    readonly observer: BodyObserver,
    readonly report: (e: unknown) => void,
    /** A clone made after the abort: aborted for good. */
    readonly frozen = false,
  ) {}

  get aborted(): boolean {
    return this.frozen || (this.signal?.aborted === true && !this.#ended);
  }

  bodyEnded(): void {
    this.#ended = true;
    if (this.#armed !== undefined) this.signal?.removeEventListener('abort', this.#armed);
    this.#armed = undefined;
  }

  /** `res` was cloned before the abort: the abort cancels its body then, as undici's does. */
  armCancel(res: Response): void {
    const signal = this.signal;
    if (signal === undefined || this.#armed !== undefined || this.#ended) return;
    this.#armed = (): void => {
      this.#armed = undefined;
      // A locked body (a reader holds it) refuses the cancel; undici's abortFetch ignores that too.
      res.body?.cancel(signal.reason).catch(() => undefined);
    };
    signal.addEventListener('abort', this.#armed, { once: true });
  }
}

const states = new WeakMap<Response, AbortState>();

type Consumer = (this: Response) => Promise<unknown>;

const CONSUMERS = ['text', 'json', 'arrayBuffer', 'blob', 'formData', 'bytes'] as const;

/** One shared descriptor per consumer the platform has (`bytes` is newer than Node 20.0). */
const GUARDED: readonly (readonly [string, PropertyDescriptor])[] = CONSUMERS.flatMap((name) => {
  const native = (Response.prototype as unknown as Record<string, Consumer | undefined>)[name];
  if (typeof native !== 'function') return [];
  const value = {
    [name](this: Response): Promise<unknown> {
      const state = states.get(this);
      // undici 6 (Node 20.x, 22) tests an unusable body first: that TypeError is native's own.
      if (state === undefined || this.bodyUsed || this.body?.locked === true || !state.aborted)
        return native.call(this);
      const error = new DOMException('The operation was aborted.', 'AbortError');
      try {
        state.observer.error(error);
      } catch (e: unknown) {
        state.report(e);
      }
      return Promise.reject(error);
    },
  }[name];
  return [[name, { configurable: true, writable: true, value }] as const];
});

/** Makes `res`'s consumers fail as native ones do once the signal fired before the body's end. */
export function guardConsumers(res: Response, state: AbortState): void {
  states.set(res, state);
  for (const [name, descriptor] of GUARDED) Object.defineProperty(res, name, descriptor);
}

/** `clone` was just made from `from`: aborted for good if `from` is; else `from` is armed. */
export function guardClone(clone: Response, from: Response): void {
  const state = states.get(from);
  if (state === undefined) return;
  if (state.aborted)
    guardConsumers(clone, new AbortState(undefined, state.observer, state.report, true));
  else state.armCancel(from);
}
