import { describe, expect, it } from 'vitest';
import { createBatchQueue } from './batch-queue.js';

const fill = (n: number, max = 100, size = 3) => {
  const q = createBatchQueue(max, size);
  const dropped = Array.from({ length: n }, (_, i) => q.push(String(i + 1))).reduce(
    (a, b) => a + b,
    0,
  );
  return { q, dropped };
};

describe('batch queue', () => {
  it('forms batches of batchSize in order, each with its own key', () => {
    const { q } = fill(5);
    const a = q.peek()!;
    expect(q.peek()).toBe(a); // peeking twice is the same batch
    q.take();
    const b = q.peek()!;
    expect([a.lines, b.lines]).toEqual([
      ['1', '2', '3'],
      ['4', '5'],
    ]);
    expect(a.key).not.toBe(b.key);
    expect(a.key.length).toBeLessThanOrEqual(200);
  });

  it('drops the oldest past its bound, counting them', () => {
    const { q, dropped } = fill(7, 4);
    expect([q.size, dropped]).toEqual([4, 3]);
    expect(q.peek()!.lines).toEqual(['4', '5', '6']);
  });

  it('puts a failed batch back first, keeping its key, and trims it first when over the bound', () => {
    const { q } = fill(3, 4);
    const a = q.peek()!;
    q.take();
    q.push('4');
    q.push('5');
    expect(q.putBack(a)).toBe(1);
    const again = q.peek()!;
    expect([again.key, again.lines]).toEqual([a.key, ['2', '3']]);
  });

  it('splits a batch into halves with new keys, first in line', () => {
    const { q } = fill(3);
    const a = q.peek()!;
    q.take();
    q.splitFront(a);
    const h1 = q.peek()!;
    q.take();
    const h2 = q.peek()!;
    expect([h1.lines, h2.lines]).toEqual([['1', '2'], ['3']]);
    expect(new Set([a.key, h1.key, h2.key]).size).toBe(3);
  });
});
