/**
 * Held records in a snapshot are named by `seq` (they are committed), not copied: at 5,000
 * records/s the 2 s grace holds ~10,000 of them, ~5 MB of JSON that every save would otherwise
 * stringify and write while requests wait (the service benchmark's ack p99).
 */
import type { Store, StoredRecord } from '../store/port.js';
import type { SavedHeld } from './record-feed.js';

/**
 * A held record whose seq is this far below the last one taken is copied whole instead, so a
 * restart never re-reads more than this many records to find the held ones (a client whose clock
 * runs ahead may have a record held for hours).
 */
export const HELD_BY_SEQ_WINDOW = 100_000;

/** The held records of a snapshot, in their saved order; seqs the store no longer has are skipped. */
export async function restoreHeld(
  store: Pick<Store, 'recordsAfter'>,
  held: readonly SavedHeld[],
  pageSize: number,
): Promise<StoredRecord[]> {
  const wanted = new Set<number>();
  let first = Infinity;
  let last = -Infinity;
  for (const h of held) {
    if (typeof h !== 'number') continue;
    wanted.add(h);
    if (h < first) first = h;
    if (h > last) last = h;
  }
  const found = new Map<number, StoredRecord>();
  if (wanted.size > 0) {
    let after = first - 1;
    while (after < last) {
      const page = await store.recordsAfter(after, pageSize);
      for (const r of page) if (wanted.has(r.seq)) found.set(r.seq, r);
      const end = page[page.length - 1];
      if (end === undefined) break;
      after = end.seq;
    }
  }
  const records: StoredRecord[] = [];
  for (const h of held) {
    const r = typeof h === 'number' ? found.get(h) : h;
    if (r !== undefined) records.push(r);
  }
  return records;
}
