/**
 * Puts nearly sorted records into time order for the engine. A record is held until it is more
 * than `slackMs` older than the `corroboration`-th newest time seen: taking the k-th newest rather
 * than the newest means one absurd future timestamp (or a few) cannot push the others out unsorted.
 * A record older than one already released is late: it is refused, never fed at a wrong time (the
 * engine never goes back in time), and the caller must sort the input another way.
 */

import { TimedQueue } from './timed-queue.js';

/** An item held by the buffer, with its time and arrival order (ties keep arrival order). */
export interface Timed<T> {
  readonly timeMs: number;
  readonly seq: number;
  readonly item: T;
}

/**
 * Holds records and releases them in time order once they fall behind the watermark: those that
 * arrive in order wait in a queue, the stragglers in a min-heap, and the two are merged on release.
 *
 * @example
 * const buffer = new ReorderBuffer<CallRecord>(5 * 60_000, (r, t) => engine.ingest(r, t));
 * for (const [record, timeMs] of lines) if (!buffer.push(record, timeMs)) sortAnotherWay();
 * buffer.drain();
 */
export class ReorderBuffer<T> {
  /** Items that arrived out of order (older than the newest one queued). */
  readonly #heap: Array<Timed<T>> = [];
  /** Items that arrived in order: most of them, held without a heap's cost. */
  readonly #queue = new TimedQueue<T>();
  /** The largest times seen, ascending, at most `corroboration` of them. */
  readonly #newest: number[] = [];
  #released = -Infinity;
  #seq = 0;

  constructor(
    private readonly slackMs: number,
    private readonly release: (item: T, timeMs: number) => void,
    private readonly corroboration = 8,
  ) {}

  /**
   * Takes one item at `timeMs` and releases every held item the watermark has passed; or, when
   * the item is older than one already released (late), takes nothing and returns false.
   */
  push(item: T, timeMs: number): boolean {
    if (timeMs < this.#released) return false;
    const seq = this.#seq++;
    const queue = this.#queue;
    if (queue.size === 0 || timeMs >= queue.lastTimeMs) queue.push(item, timeMs, seq);
    else this.#insert({ timeMs, seq, item });
    this.#noteNewest(timeMs);
    const newest = this.#newest;
    if (newest.length < this.corroboration) return true;
    const watermark = newest[0]! - this.slackMs;
    while (this.#releaseNext(watermark));
    return true;
  }

  /** Releases everything held. */
  drain(): void {
    while (this.#releaseNext(Infinity));
  }

  /**
   * Releases the oldest held item (queue or heap, ties by arrival) if its time is at most
   * `limitMs`; false when nothing was released.
   */
  #releaseNext(limitMs: number): boolean {
    const queue = this.#queue;
    const top = this.#heap[0];
    if (queue.size > 0) {
      const t = queue.headTimeMs;
      if (top === undefined || t < top.timeMs || (t === top.timeMs && queue.headSeq < top.seq)) {
        if (t > limitMs) return false;
        const item = queue.shift();
        this.#released = t;
        this.release(item, t);
        return true;
      }
    }
    if (top === undefined || top.timeMs > limitMs) return false;
    this.#pop();
    return true;
  }

  #noteNewest(timeMs: number): void {
    const top = this.#newest;
    if (top.length === this.corroboration) {
      if (timeMs <= top[0]!) return;
      top.shift();
    }
    let i = top.length;
    while (i > 0 && top[i - 1]! > timeMs) i--;
    if (i === top.length) top.push(timeMs);
    else top.splice(i, 0, timeMs);
  }

  #pop(): void {
    const top = this.#heap[0]!;
    const last = this.#heap.pop()!;
    if (this.#heap.length > 0) {
      this.#heap[0] = last;
      this.#down(0);
    }
    this.#released = top.timeMs;
    this.release(top.item, top.timeMs);
  }

  #insert(e: Timed<T>): void {
    const h = this.#heap;
    h.push(e);
    let i = h.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!before(h[i]!, h[parent]!)) break;
      [h[i], h[parent]] = [h[parent]!, h[i]!];
      i = parent;
    }
  }

  #down(i: number): void {
    const h = this.#heap;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < h.length && before(h[l]!, h[m]!)) m = l;
      if (r < h.length && before(h[r]!, h[m]!)) m = r;
      if (m === i) return;
      [h[i], h[m]] = [h[m]!, h[i]!];
      i = m;
    }
  }
}

function before<T>(a: Timed<T>, b: Timed<T>): boolean {
  return a.timeMs < b.timeMs || (a.timeMs === b.timeMs && a.seq < b.seq);
}
