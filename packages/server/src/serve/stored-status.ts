/**
 * The last status observation stored per provider and component: what the status pages said
 * before a restart, so that the pollers and the status view start from it rather than from
 * nothing (an unchanged component is then not a change).
 */
import { COMPONENT_STATUSES, type StatusObservation } from '@faultline/core';
import { z } from 'zod';
import type { Store } from '../store/port.js';

const PAGE = 1000;

// An observation as a poller wrote it (`first_seen` is ours: status records sent to the API lack
// it and are not what a page said); unknown fields pass through.
const storedSchema = z.looseObject({
  kind: z.literal('status'),
  ts: z.union([z.string(), z.number()]),
  provider: z.string(),
  component: z.string(),
  status: z.enum(COMPONENT_STATUSES),
  incident: z.string().optional(),
  first_seen: z.string(),
});

/**
 * The newest observation a poller stored of each (provider, component) with `ts` in
 * [fromMs, toMs), read page by page in `ts` order (status records are stored only on a change,
 * so they are few).
 */
export async function lastStoredStatus(
  store: Store,
  providers: readonly string[],
  fromMs: number,
  toMs: number,
): Promise<StatusObservation[]> {
  const last = new Map<string, StatusObservation>();
  for (const provider of new Set(providers)) {
    let after: { tsMs: number; seq: number } | undefined;
    for (;;) {
      const rows = await store.queryRecords({
        kind: 'status',
        provider,
        fromMs,
        toMs,
        limit: PAGE,
        after,
      });
      for (const row of rows) {
        const parsed = storedSchema.safeParse(parseJson(row.json));
        if (!parsed.success) continue;
        const o = parsed.data as StatusObservation;
        const id = typeof o['component_id'] === 'string' ? o['component_id'] : o.component;
        last.set(JSON.stringify([provider, id]), o);
      }
      const end = rows[rows.length - 1];
      if (rows.length < PAGE || end === undefined) break;
      after = { tsMs: end.tsMs, seq: end.seq };
    }
  }
  return [...last.values()];
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
