/**
 * Whether a request's client is still there, read as an abort signal's `aborted` and `reason`
 * (all an attempt's observation reads of one). Lighter than an `AbortController` per request:
 * one plain object, and one hook for the attempt in flight (attempts run one at a time) instead of
 * an event target's listener lists.
 */
export class ClientLink {
  aborted = false;
  reason: unknown = undefined;
  #onLeave: ((reason: unknown) => void) | undefined;

  /** The client left before its answer ended: the attempt in flight is cancelled with it. */
  leave(reason: unknown): void {
    if (this.aborted) return;
    this.aborted = true;
    this.reason = reason;
    const hook = this.#onLeave;
    this.#onLeave = undefined;
    hook?.(reason);
  }

  /** `hook` runs once if the client leaves while it is set (it replaces the one set before). */
  onLeave(hook: (reason: unknown) => void): void {
    this.#onLeave = hook;
  }

  /** Clears `hook`, unless a later attempt set its own already. */
  off(hook: (reason: unknown) => void): void {
    if (this.#onLeave === hook) this.#onLeave = undefined;
  }
}
