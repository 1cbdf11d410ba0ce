/**
 * `/v1/health` on a follower: the leader's document as it last sent it (once a second over the
 * shared store's session), or an empty one before the first arrives. Its `at` is the leader's:
 * a document older than a few seconds means no leader is sending (a takeover under way).
 */

export class FollowerHealth {
  #doc: Record<string, unknown> | undefined;
  #receivedAtMs = 0;

  constructor(private readonly now: () => number) {}

  /** Takes a document the leader sent; one that does not parse is ignored. */
  take(json: string): void {
    try {
      const doc: unknown = JSON.parse(json);
      if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) return;
      this.#doc = doc as Record<string, unknown>;
      this.#receivedAtMs = this.now();
    } catch {
      // a torn or foreign payload: keep the last good one
    }
  }

  /** The document, and how many seconds ago it arrived (`null` when none has). */
  current(): { doc: Record<string, unknown>; ageSeconds: number | null } {
    if (this.#doc === undefined) {
      return { doc: { at: new Date(this.now()).toISOString(), providers: [] }, ageSeconds: null };
    }
    return { doc: this.#doc, ageSeconds: (this.now() - this.#receivedAtMs) / 1000 };
  }
}
