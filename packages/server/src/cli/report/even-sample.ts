/** An even sample of a stream of unknown length, in bounded memory. */

/**
 * Holds every `stride`-th item offered, `stride` doubling (and every other held item let go)
 * whenever more than `2 × cap` are held; at the end, `cap` of the held items evenly spread
 * among them. So the sample is exactly `cap` items when more were offered, each gap between
 * them one or two strides, and all of them when fewer were.
 *
 * @example
 * const sample = new EvenSample<Row>(10_000);
 * for (const row of rows) sample.offer(() => row);
 * sample.items; // evenly spaced, at most 10,000
 */
export class EvenSample<T> {
  /** How many items were offered. */
  seen = 0;
  #stride = 1;
  #held: { readonly index: number; readonly item: T }[] = [];

  constructor(readonly cap: number) {}

  /** Offers the next item; `make` is called only when the item is held. */
  offer(make: () => T): void {
    const index = this.seen++;
    if (this.cap <= 0 || index % this.#stride !== 0) return;
    this.#held.push({ index, item: make() });
    while (this.#held.length > 2 * this.cap) {
      this.#stride *= 2;
      this.#held = this.#held.filter((h) => h.index % this.#stride === 0);
    }
  }

  /** The sample, in the order offered. */
  get items(): T[] {
    const held = this.#held;
    if (held.length <= this.cap) return held.map((h) => h.item);
    return Array.from({ length: this.cap }, (_, i) => {
      return held[Math.floor((i * held.length) / this.cap)]!.item;
    });
  }
}
