import { describe, expect, it } from 'vitest';
import { orderRefusal } from './order-check.js';

describe('orderRefusal', () => {
  it('lets a few late records through', () => {
    expect(orderRefusal({ late: 3, rising: 10, falling: 5 }, 20, 5, 'a.jsonl')).toBeUndefined();
    expect(
      orderRefusal({ late: 10, rising: 999, falling: 10 }, 1000, 5, 'a.jsonl'),
    ).toBeUndefined();
  });

  it('refuses when over 1% came late, saying how to sort', () => {
    const m = orderRefusal({ late: 900, rising: 2, falling: 997 }, 1000, 5, 'my file.jsonl');
    expect(m).toMatch(/^900 of 1000 records \(90%\) came more than 5 minutes after newer ones/);
    expect(m).toMatch(/newest-first/);
    expect(m).toContain("tac 'my file.jsonl' > sorted.jsonl");
    expect(m).toContain("jq -cs 'sort_by(.ts)[]'");
    const shuffled = orderRefusal({ late: 50, rising: 500, falling: 499 }, 1000, 5, '-');
    expect(shuffled).toMatch(/out of time order/);
    expect(shuffled).toContain('tac FILE');
  });
});
