// Fills a SQLite store before the service starts, as an earlier run's ingest would have left it.
import type { FaultlineRecord } from '@faultline/core';
import type { GeneratedScenario } from '@faultline/scenarios';
import { openStore } from '../../src/store/open-store.js';
import { rowOf } from '../live/stream.js';

/** The scenario's records moved to start at `startMs` (epoch-ms times, as the generator writes them). */
export function shifted(scenario: GeneratedScenario, startMs: number): FaultlineRecord[] {
  return scenario.records.map((r) => ({ ...r, ts: Number(r.ts) - scenario.fromMs + startMs }));
}

/** Commits `records` (sorted by time) into the store at `location` in batches, then closes it. */
export async function seedStore(
  location: string,
  records: readonly FaultlineRecord[],
  nowMs: number,
): Promise<void> {
  const store = await openStore(location);
  try {
    for (let i = 0; i < records.length; i += 1000) {
      const rows = records.slice(i, i + 1000).map(rowOf);
      await store.commitRecords({ rows, response: '{}', nowMs });
    }
  } finally {
    await store.close();
  }
}
