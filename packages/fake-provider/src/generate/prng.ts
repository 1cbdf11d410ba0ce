/** Seeded pseudo-random numbers and string hashing: reproducible, fast, no crypto. */

/** A source of uniform numbers in [0, 1). */
export type Prng = () => number;

/**
 * mulberry32: a 32-bit PRNG with good spread for simulation (not for secrets).
 * @example const next = createPrng(1); next(); // 0.627…
 */
export function createPrng(seed: number): Prng {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** FNV-1a over UTF-16 code units, starting from `seed` mixed into the offset basis. */
export function hashString(text: string, seed = 0): number {
  let h = (0x811c9dc5 ^ Math.imul(seed >>> 0, 0x9e3779b1)) >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** An integer in [min, max], both inclusive. */
export function intBetween(next: Prng, min: number, max: number): number {
  return min + Math.floor(next() * (max - min + 1));
}
