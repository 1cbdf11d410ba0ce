/** Feeds stored records to the engine in record time: held until a watermark passes them, late ones at the engine's time. */
import { parseRecordLine, type Engine } from '@faultline/core';
import type { StoredRecord } from '../store/port.js';
import { HoldQueue } from './hold-queue.js';

/** A held record as saved: its `seq` (read back from the store on resume), or the record itself. */
export type SavedHeld = number | StoredRecord;

/** The feed's state as JSON data, for the live snapshot. */
export interface RecordFeedState {
  /** Every record at or before this time has been fed; `null` before the engine saw one. */
  readonly watermarkMs: number | null;
  /** The newest record time seen; `null` before any. */
  readonly newestMs: number | null;
  readonly late: number;
  /** Records taken but not fed yet, in (time, seq) order. */
  readonly held: readonly SavedHeld[];
}

/** A saved state with its held records read back (see `restoreHeld`). */
export type RestoredFeedState = Omit<RecordFeedState, 'held'> & {
  readonly held: readonly StoredRecord[];
};

/**
 * Puts records back in time order for the engine, like the reorder window of `faultline
 * diagnose`, but with a watermark the caller moves (the wall clock minus a grace, or the newest
 * record time minus the lateness while catching up). The engine's buckets are 10 s wide and are
 * judged when its clock passes their end, so a bucket is judged as soon as the watermark passes
 * it, not a whole lateness window later. A record behind the watermark is late: its bucket may
 * be judged already and the engine never goes back, so it is fed at the engine's current time.
 */
export class RecordFeed {
  readonly #held = new HoldQueue();
  #watermarkMs = -Infinity;
  #newestMs = -Infinity;
  /** The newest time a record was fed at (-Infinity: the engine has no clock yet). */
  #newestFed = -Infinity;
  /** Records that came behind the watermark (fed at the engine's time, not their own). */
  late = 0;

  constructor(
    private readonly engine: Engine,
    private readonly onBad: (record: StoredRecord, why: string) => void,
    state?: RestoredFeedState,
  ) {
    if (state === undefined) return;
    this.#watermarkMs = state.watermarkMs ?? -Infinity;
    this.#newestMs = state.newestMs ?? -Infinity;
    this.late = state.late;
    for (const r of state.held) this.#held.push(r);
  }

  /** The newest record time seen (-Infinity before any). */
  get newestMs(): number {
    return this.#newestMs;
  }

  /** The engine's clock: every record up to it was fed (-Infinity before the first). */
  get watermarkMs(): number {
    return this.#watermarkMs;
  }

  /** How many records wait for the watermark. */
  get held(): number {
    return this.#held.size;
  }

  /** Takes one record: holds it, or feeds it at once when it is late. */
  take(r: StoredRecord): void {
    if (r.tsMs > this.#newestMs) this.#newestMs = r.tsMs;
    if (r.tsMs < this.#watermarkMs) {
      this.late++;
      this.#ingest(r, this.#watermarkMs);
      return;
    }
    this.#held.push(r);
  }

  /** Feeds every held record up to `limitMs` in order, then lets the engine's time pass to it. */
  release(limitMs: number): void {
    if (!(limitMs > this.#watermarkMs)) return;
    this.#held.releaseThrough(limitMs, (r) => this.#ingest(r, r.tsMs));
    // Before its first record the engine has no clock, as in a replay: time starts with the data.
    if (this.#watermarkMs === -Infinity && this.#newestFed === -Infinity) return;
    this.#watermarkMs = limitMs;
    this.engine.tick(limitMs);
  }

  #ingest(r: StoredRecord, timeMs: number): void {
    const parsed = parseRecordLine(r.json);
    if (!parsed.ok) {
      this.onBad(r, parsed.problems.map((p) => `${p.field}: ${p.reason}`).join('; '));
      return;
    }
    this.engine.ingest(parsed.record, timeMs);
    if (timeMs > this.#newestFed) this.#newestFed = timeMs;
  }

  /** The state as JSON data (no infinities); held records from `bySeqFrom` on are saved as seqs. */
  toState(bySeqFrom: number): RecordFeedState {
    const finite = (n: number): number | null => (Number.isFinite(n) ? n : null);
    return {
      watermarkMs: finite(this.#watermarkMs),
      newestMs: finite(this.#newestMs),
      late: this.late,
      held: this.#held.toArray().map((r) => (r.seq >= bySeqFrom ? r.seq : r)),
    };
  }
}
