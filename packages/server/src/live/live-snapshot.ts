/** What the live engine saves as its snapshot: the engine's state and its own, as one JSON document. */
import type { EngineSnapshot } from '@faultline/core';
import type { HealthWindowState } from './health-window.js';
import type { RecordFeedState } from './record-feed.js';

/** The format this module writes; it reads version 1 too (held records copied whole). */
export const LIVE_SNAPSHOT_VERSION = 2;

/** Events made so far per incident: `[id, count, atMs of the newest, open]`. */
export type EventCount = readonly [string, number, number, boolean];

/** The live snapshot (stored as `EngineSnapshotRow.json`). */
export interface LiveSnapshot {
  readonly version: typeof LIVE_SNAPSHOT_VERSION | 1;
  /** `engine.snapshot()`. */
  readonly engine: EngineSnapshot;
  /** The records held for the watermark, and the watermark. */
  readonly feed: RecordFeedState;
  /** The last record taken (fed or held). */
  readonly lastSeq: number;
  /** How many events each incident has had, so a replay after a crash saves none twice. */
  readonly events: readonly EventCount[];
  readonly health: HealthWindowState;
}

/** Parses a saved snapshot; throws a `TypeError` saying what is wrong when it is not this version's. */
export function parseLiveSnapshot(json: string): LiveSnapshot {
  const s: unknown = JSON.parse(json);
  const o = (typeof s === 'object' && s !== null ? s : {}) as Partial<
    Record<keyof LiveSnapshot, unknown>
  >;
  if (o.version !== LIVE_SNAPSHOT_VERSION && o.version !== 1)
    throw new TypeError(
      `live snapshot version ${JSON.stringify(o.version)} is not ${LIVE_SNAPSHOT_VERSION}`,
    );
  const feed = o.feed as Partial<RecordFeedState> | undefined;
  const ok =
    typeof o.engine === 'object' &&
    o.engine !== null &&
    typeof o.lastSeq === 'number' &&
    Array.isArray(o.events) &&
    Array.isArray(o.health) &&
    Array.isArray(feed?.held) &&
    typeof feed.late === 'number';
  if (!ok) throw new TypeError('live snapshot is missing engine, feed, lastSeq, events or health');
  return s as LiveSnapshot;
}
