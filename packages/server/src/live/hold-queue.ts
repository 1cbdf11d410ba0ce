/** Records held until the watermark passes them, kept in (time, seq) order for the engine. */
import type { StoredRecord } from '../store/port.js';

/** True when `a` goes before `b`: by record time, then commit order (as `faultline diagnose` ties by line). */
function before(a: StoredRecord, b: StoredRecord): boolean {
  return a.tsMs < b.tsMs || (a.tsMs === b.tsMs && a.seq < b.seq);
}

/**
 * A sorted array with a moving head. Records arrive nearly in time order (a batch sink sends each
 * batch sorted, a few clients interleave within a second), so an insertion scans back from the
 * tail a few steps at most: no heap, no per-record allocation beyond the slot.
 */
export class HoldQueue {
  #items: StoredRecord[] = [];
  #head = 0;

  get size(): number {
    return this.#items.length - this.#head;
  }

  /** Holds a record in its place. */
  push(r: StoredRecord): void {
    const items = this.#items;
    let i = items.length;
    while (i > this.#head && before(r, items[i - 1]!)) i--;
    if (i === items.length) items.push(r);
    else items.splice(i, 0, r);
  }

  /** Removes every record with `tsMs <= limitMs` and hands each, in order, to `release`. */
  releaseThrough(limitMs: number, release: (r: StoredRecord) => void): void {
    const items = this.#items;
    while (this.#head < items.length && items[this.#head]!.tsMs <= limitMs) {
      const r = items[this.#head]!;
      items[this.#head] = undefined as unknown as StoredRecord; // let the record be collected
      this.#head++;
      release(r);
    }
    if (this.#head === items.length) {
      this.#items = [];
      this.#head = 0;
    } else if (this.#head >= 4096 && this.#head * 2 >= items.length) {
      this.#items = items.slice(this.#head);
      this.#head = 0;
    }
  }

  /** The held records in order (for the snapshot). */
  toArray(): StoredRecord[] {
    return this.#items.slice(this.#head);
  }
}
