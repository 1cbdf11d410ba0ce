import { describe, expect, it } from 'vitest';
import { Utf8Stream } from './utf8-stream.js';

/** What one stream-mode TextDecoder makes of `chunks`, the reference `Utf8Stream` must match. */
function reference(chunks: Uint8Array[]): string {
  const d = new TextDecoder();
  return chunks.map((c) => d.decode(c, { stream: true })).join('') + d.decode();
}

function ours(chunks: Uint8Array[]): string {
  const d = new Utf8Stream();
  return chunks.map((c) => d.decode(c)).join('') + d.end();
}

/** A deterministic generator (xorshift32) of bytes biased toward UTF-8 edge cases. */
function randomBytes(seed: number, length: number): Uint8Array {
  let s = seed || 1;
  const next = (): number => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 4294967296;
  };
  const pool = [
    0x0a, 0x61, 0xef, 0xbb, 0xbf, 0xc3, 0xa9, 0xe4, 0xb8, 0x96, 0xf0, 0x9f, 0x98, 0x80, 0x80, 0xff,
    0xc0,
  ];
  return Uint8Array.from({ length }, () => pool[Math.floor(next() * pool.length)]!);
}

function split(bytes: Uint8Array, seed: number): Uint8Array[] {
  const out: Uint8Array[] = [];
  let at = 0;
  let s = seed;
  while (at < bytes.length) {
    s = (s * 1103515245 + 12345) >>> 0;
    const n = 1 + (s % 5);
    out.push(bytes.subarray(at, at + n));
    at += n;
  }
  return out;
}

describe('Utf8Stream', () => {
  it('decodes like a stream TextDecoder: BOM only at the start, split and broken characters', () => {
    const bom = [0xef, 0xbb, 0xbf];
    const cases: number[][][] = [
      [
        [...bom, 0x61, 0x0a],
        [...bom, 0x62, 0x0a],
      ], // a later BOM is a character
      [
        [0xef, 0xbb],
        [0xbf, 0x61],
      ], // a BOM split over chunks
      [
        [0x61, 0xc3],
        [0xa9, 0x0a],
      ], // é split
      [[0x61, 0xe4, 0xb8], [0x0a]], // a broken character before an ASCII byte
      [[0x61, 0xf0, 0x9f]], // a broken character at the end
      [[], [...bom, 0x61]], // an empty first chunk does not end the start
    ];
    for (const c of cases) {
      const chunks = c.map((b) => Uint8Array.from(b));
      expect(ours(chunks)).toBe(reference(chunks));
    }
  });

  it('matches the stream TextDecoder on random bytes split at random places', () => {
    for (let seed = 1; seed <= 300; seed++) {
      const chunks = split(randomBytes(seed, 1 + (seed % 40)), seed);
      expect(ours(chunks)).toBe(reference(chunks));
    }
  });
});
