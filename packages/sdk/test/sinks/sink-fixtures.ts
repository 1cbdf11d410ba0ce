// Records, a token and a poller shared by the HTTP batch sink tests.
import type { CallRecord } from '@faultline/core';

/** A fake ingest token (the shape `faultline token create` prints does not matter here). */
export const TOKEN = 'fl_ingest_9f2c4e1a7b3d5f60';

/** A small record whose `ts` is `i`. */
export const rec = (i: number): CallRecord => ({
  ts: i,
  provider: 'openai',
  model: 'm',
  http_status: 200,
});

/** A record the ingest contract rejects: its `ts` is not a time. */
export const badRec = (): CallRecord => ({ ...rec(0), ts: 'soon' });

/** The `ts` of stored JSON lines. */
export const tsOf = (lines: readonly string[]): unknown[] =>
  lines.map((l) => (JSON.parse(l) as { ts: unknown }).ts);

/** Resolves once `cond()` holds, polling every 10 ms; rejects after `ms`. */
export async function waitFor(cond: () => boolean, ms: number): Promise<void> {
  const end = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > end) throw new Error(`condition not met in ${ms} ms`);
    await new Promise((r) => setTimeout(r, 10));
  }
}
