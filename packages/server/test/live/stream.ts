// Streams generated scenario records into a store and a live engine, as ingest would, on a controlled clock.
import {
  classify,
  createEngine,
  draftUpdate,
  isStatusObservation,
  parseRecordLine,
  parseTimestamp,
  toDocumentIncident,
  type DocumentIncident,
  type FaultlineRecord,
} from '@faultline/core';
import type { LiveEngine } from '../../src/live/index.js';
import type { RecordRow, Store, StoredRecord } from '../../src/store/port.js';

/** The row ingest would store for a record: index columns and the JSON with its classification. */
export function rowOf(r: FaultlineRecord): RecordRow {
  const tsMs = parseTimestamp(r.ts)!;
  if (isStatusObservation(r)) {
    const json = JSON.stringify(r);
    return { tsMs, kind: 'status', provider: r.provider, model: '', source: '', layer: '', json };
  }
  const classification = classify(r);
  return {
    tsMs,
    kind: 'call',
    provider: r.provider,
    model: r.model,
    source: r.source ?? 'sdk',
    layer: classification.layer,
    json: JSON.stringify({ ...r, classification }),
  };
}

/** One batch as the SDK's batch sink sends it: the records of one second, committed at `atMs`. */
export interface Batch {
  readonly atMs: number;
  readonly rows: readonly RecordRow[];
}

/** Groups records (sorted by time) into 1 s batches committed `delayMs` after their second ends. */
export function batchesOf(records: readonly FaultlineRecord[], delayMs = 150): Batch[] {
  const bySecond = new Map<number, RecordRow[]>();
  for (const r of records) {
    const row = rowOf(r);
    const second = Math.floor(row.tsMs / 1000);
    let rows = bySecond.get(second);
    if (rows === undefined) bySecond.set(second, (rows = []));
    rows.push(row);
  }
  return [...bySecond].map(([s, rows]) => ({ atMs: (s + 1) * 1000 + delayMs, rows }));
}

/** Commits a batch and hands the stored records to the live engine, as ingest does. */
export async function commit(
  store: Store,
  live: LiveEngine,
  batch: Batch,
): Promise<StoredRecord[]> {
  const result = await store.commitRecords({ rows: batch.rows, response: '{}', nowMs: batch.atMs });
  if (result.kind !== 'committed') throw new Error('unexpected duplicate');
  const stored = batch.rows.map((row, i) => ({ ...row, seq: result.firstSeq + i }));
  live.accept(stored);
  return stored;
}

/** A clock the test moves. */
export interface Clock {
  nowMs: number;
  readonly now: () => number;
}

export function clockAt(nowMs: number): Clock {
  const c: Clock = { nowMs, now: () => c.nowMs };
  return c;
}

/**
 * Plays batches in wall-clock order: before each commit the clock moves to it, and the engine
 * ticks every `tickMs` of wall time in between (the timer). Saves are flushed at every step, so
 * what the feed shows at a step is what a client would see then.
 */
export async function play(
  store: Store,
  live: LiveEngine,
  clock: Clock,
  batches: readonly Batch[],
  tickMs = 1000,
): Promise<void> {
  for (const b of batches) {
    while (clock.nowMs + tickMs <= b.atMs) {
      clock.nowMs += tickMs;
      live.tick();
      await live.flush();
    }
    clock.nowMs = b.atMs;
    await commit(store, live, b);
    await live.flush();
  }
}

/** Lets wall time pass to `untilMs`, ticking each second. */
export async function idleUntil(live: LiveEngine, clock: Clock, untilMs: number): Promise<void> {
  while (clock.nowMs < untilMs) {
    clock.nowMs = Math.min(untilMs, clock.nowMs + 1000);
    live.tick();
    await live.flush();
  }
}

/** What `faultline diagnose` says on the same records: sorted by time (ties by commit order). */
export function replay(rows: readonly StoredRecord[], tickToMs: number): DocumentIncident[] {
  const engine = createEngine({
    draft: (i) =>
      draftUpdate(i, {
        stage: i.resolved_at === null ? 'identified' : 'resolved',
        voice: 'public',
      }),
  });
  const sorted = [...rows].sort((a, b) => a.tsMs - b.tsMs || a.seq - b.seq);
  for (const r of sorted) {
    const parsed = parseRecordLine(r.json);
    if (parsed.ok) engine.ingest(parsed.record, parsed.timeMs);
  }
  engine.tick(tickToMs);
  return engine.incidents().map(toDocumentIncident);
}
