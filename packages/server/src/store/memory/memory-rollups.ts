// The memory adapter's per-minute rollups and their cursor.
import type { RollupRow, Store } from '../port.js';
import { addRollups } from '../rollup-row.js';

type RollupPart = Pick<
  Store,
  'rollupCursor' | 'applyRollups' | 'queryRollups' | 'deleteRollupsBefore'
>;

const keyOf = (r: RollupRow): string => JSON.stringify([r.minuteMs, r.provider, r.model]);

/** Rollups in a map by minute and scope; reads sort them. */
export function memoryRollups(): RollupPart {
  const rows = new Map<string, RollupRow>();
  let cursor = 0;
  const sorted = (): RollupRow[] =>
    [...rows.values()].sort(
      (a, b) =>
        a.minuteMs - b.minuteMs ||
        (a.provider < b.provider ? -1 : a.provider > b.provider ? 1 : 0) ||
        (a.model < b.model ? -1 : a.model > b.model ? 1 : 0),
    );
  return {
    rollupCursor: () => Promise.resolve(cursor),
    applyRollups(add, fromSeq, toSeq) {
      if (cursor !== fromSeq) return Promise.resolve(false);
      for (const r of add) {
        const key = keyOf(r);
        const old = rows.get(key);
        rows.set(key, old === undefined ? r : addRollups(old, r));
      }
      cursor = toSeq;
      return Promise.resolve(true);
    },
    queryRollups(q) {
      return Promise.resolve(
        sorted().filter(
          (r) =>
            r.minuteMs >= q.fromMs &&
            r.minuteMs < q.toMs &&
            (q.provider === undefined || r.provider === q.provider) &&
            (q.model === undefined || r.model === q.model),
        ),
      );
    },
    deleteRollupsBefore(beforeMs, limit) {
      let deleted = 0;
      for (const r of sorted()) {
        if (deleted >= limit || r.minuteMs >= beforeMs) break;
        rows.delete(keyOf(r));
        deleted++;
      }
      return Promise.resolve(deleted);
    },
  };
}
