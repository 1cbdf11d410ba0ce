/** A seeded pseudo-random source (mulberry32), so that one seed always yields the same scenario. */

/** Deterministic random draws; every method advances the same 32-bit state. */
export interface Rng {
  /** Uniform in [0, 1). */
  next(): number;
  /** Uniform in [min, max). */
  between(min: number, max: number): number;
  /** Integer uniform in [min, max]. */
  int(min: number, max: number): number;
  /** True with probability `p`. */
  chance(p: number): boolean;
  /** Lognormal draw: `median · e^(sigma·z)`, z standard normal (Box–Muller). */
  lognormal(median: number, sigma: number): number;
  /** One of `items`, each with probability proportional to its weight. */
  weighted<T>(items: readonly (readonly [T, number])[]): T;
  /** `length` characters drawn from `alphabet`. */
  chars(alphabet: string, length: number): string;
}

/**
 * Creates a seeded generator. Same seed, same sequence; no global state, no `Math.random`.
 *
 * @example
 * const rng = createRng(42);
 * rng.between(500, 2000); // the same number on every run
 */
export function createRng(seed: number): Rng {
  // Spread nearby seeds apart (Knuth's multiplicative hash) so seeds 1 and 2 diverge at once.
  let state = Math.imul(Math.trunc(seed) ^ 0x5bd1e995, 0x9e3779b1) >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const normal = (): number => {
    const u = 1 - next(); // (0, 1]: log(0) never happens
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * next());
  };
  return {
    next,
    between: (min, max) => min + (max - min) * next(),
    int: (min, max) => min + Math.floor((max - min + 1) * next()),
    chance: (p) => next() < p,
    lognormal: (median, sigma) => median * Math.exp(sigma * normal()),
    weighted<T>(items: readonly (readonly [T, number])[]): T {
      let total = 0;
      for (const [, w] of items) total += w;
      let r = next() * total;
      for (const [item, w] of items) {
        r -= w;
        if (r < 0) return item;
      }
      const last = items[items.length - 1];
      if (last === undefined) throw new RangeError('weighted() needs at least one item');
      return last[0];
    },
    chars(alphabet, length) {
      // One flat string (fromCharCode), not a rope of `+=` pieces kept alive by every record.
      const codes = new Array<number>(length);
      for (let i = 0; i < length; i++)
        codes[i] = alphabet.charCodeAt(Math.floor(next() * alphabet.length));
      return String.fromCharCode(...codes);
    },
  };
}
