/** `retry-after` honoured across requests: a target that asked to wait stays out of failover plans. */

/** Until when each target asked not to be called, in ms of the gateway's clock. */
export class Cooldowns {
  readonly #until = new Map<string, number>();

  constructor(private readonly maxMs: number) {}

  /** The target answered with `retry-after` (ms); waits past `maxMs` are cut to it. */
  note(target: string, retryAfterMs: number, nowMs: number): void {
    if (!(retryAfterMs > 0)) return;
    this.#until.set(target, nowMs + Math.min(retryAfterMs, this.maxMs));
  }

  /** Whether the target is still waiting out its `retry-after`. */
  cooling(target: string, nowMs: number): boolean {
    const until = this.#until.get(target);
    if (until === undefined) return false;
    if (until > nowMs) return true;
    this.#until.delete(target);
    return false;
  }
}
