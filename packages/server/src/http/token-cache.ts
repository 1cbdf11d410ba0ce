/** A bounded cache of recent positive token lookups, each kept for a short time only. */

interface Entry<T> {
  readonly value: T;
  readonly expiresAtMs: number;
}

/**
 * Keeps at most `maxEntries` values for `ttlMs` each; the oldest entry goes first when full.
 * Time comes in as an argument, so a revoked token is seen again at most `ttlMs` later.
 */
export class TokenCache<T> {
  readonly #entries = new Map<string, Entry<T>>();

  constructor(
    private readonly ttlMs: number,
    private readonly maxEntries: number,
  ) {}

  /** The value cached under `key` if it has not expired at `nowMs`. */
  get(key: string, nowMs: number): T | undefined {
    const entry = this.#entries.get(key);
    if (entry === undefined) return undefined;
    if (entry.expiresAtMs > nowMs) return entry.value;
    this.#entries.delete(key);
    return undefined;
  }

  /** Caches `value` under `key` from `nowMs`. */
  set(key: string, value: T, nowMs: number): void {
    this.#entries.delete(key);
    if (this.#entries.size >= this.maxEntries) {
      const oldest = this.#entries.keys().next();
      if (oldest.done !== true) this.#entries.delete(oldest.value);
    }
    this.#entries.set(key, { value, expiresAtMs: nowMs + this.ttlMs });
  }

  /** How many entries are held (expired ones included until looked up or pushed out). */
  get size(): number {
    return this.#entries.size;
  }
}
