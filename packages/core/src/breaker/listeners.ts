/** A set of listeners whose `add` hands back a Disposable, as cockatiel's events do. */

/** A handle that stops a listener; `dispose()` twice is harmless. */
export interface BreakerDisposable {
  dispose(): void;
}

/** Listeners of one event type; each `add` is its own listener, even for the same function. */
export class Listeners<E> {
  private readonly set = new Set<(e: E) => void>();

  add(listener: (e: E) => void): BreakerDisposable {
    const l = (e: E): void => listener(e);
    this.set.add(l);
    return { dispose: () => void this.set.delete(l) };
  }

  emit(e: E): void {
    for (const l of this.set) l(e);
  }
}
