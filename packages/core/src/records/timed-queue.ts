/** A first-in first-out queue of items that arrived in time order, for `ReorderBuffer`'s fast path. */

/**
 * Items with nondecreasing times and increasing arrival numbers, oldest first. Kept in parallel
 * arrays, not one object per item: input that is already in order (the usual case) then costs
 * no allocation and no heap sifting per record.
 */
export class TimedQueue<T> {
  #times: number[] = [];
  #seqs: number[] = [];
  #items: T[] = [];
  #head = 0;

  get size(): number {
    return this.#times.length - this.#head;
  }

  /** The time of the newest item; only when `size > 0`. */
  get lastTimeMs(): number {
    return this.#times[this.#times.length - 1]!;
  }

  /** The time of the oldest item; only when `size > 0`. */
  get headTimeMs(): number {
    return this.#times[this.#head]!;
  }

  /** The arrival number of the oldest item; only when `size > 0`. */
  get headSeq(): number {
    return this.#seqs[this.#head]!;
  }

  /** Appends an item no older than `lastTimeMs`, with a larger arrival number than any held. */
  push(item: T, timeMs: number, seq: number): void {
    this.#times.push(timeMs);
    this.#seqs.push(seq);
    this.#items.push(item);
  }

  /** Removes the oldest item and returns it; only when `size > 0`. */
  shift(): T {
    const h = this.#head;
    const item = this.#items[h]!;
    this.#items[h] = undefined as T; // let the released record be collected
    this.#head = h + 1;
    if (this.#head === this.#times.length) this.#clear();
    else if (this.#head >= 4096 && this.#head * 2 >= this.#times.length) this.#compact();
    return item;
  }

  #clear(): void {
    this.#times.length = 0;
    this.#seqs.length = 0;
    this.#items.length = 0;
    this.#head = 0;
  }

  #compact(): void {
    const h = this.#head;
    this.#times = this.#times.slice(h);
    this.#seqs = this.#seqs.slice(h);
    this.#items = this.#items.slice(h);
    this.#head = 0;
  }
}
