/**
 * Puts nearly sorted records into time order for the engine: records are held until nothing
 * older can still arrive within `slackMs` of the newest seen. A record later than that is fed at
 * once (counted as late), since the engine never goes back in time.
 */

export interface Timed<T> {
  readonly timeMs: number;
  readonly seq: number;
  readonly item: T;
}

export class ReorderBuffer<T> {
  readonly #heap: Array<Timed<T>> = [];
  #newest = -Infinity;
  #released = -Infinity;
  #seq = 0;
  late = 0;

  constructor(
    private readonly slackMs: number,
    private readonly release: (item: T, timeMs: number) => void,
  ) {}

  push(item: T, timeMs: number): void {
    if (timeMs < this.#released) {
      this.late++;
      this.release(item, this.#released);
      return;
    }
    this.#insert({ timeMs, seq: this.#seq++, item });
    if (timeMs > this.#newest) this.#newest = timeMs;
    while (this.#heap.length > 0 && this.#heap[0]!.timeMs <= this.#newest - this.slackMs)
      this.#pop();
  }

  /** Releases everything held. */
  drain(): void {
    while (this.#heap.length > 0) this.#pop();
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
