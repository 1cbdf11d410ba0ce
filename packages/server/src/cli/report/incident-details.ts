/**
 * The incidents of a replay as the read API shows them: every engine event prepared and saved
 * exactly as `faultline serve` saves it (live/incident-change.ts), into an in-memory store, then
 * read back as `GET /v1/incidents/{id}` answers.
 */
import { createEngine, draftUpdate, type Engine } from '@faultline/core';
import { incidentDetailJson } from '../../api/incident-json.js';
import { prepareChange, type PreparedChange } from '../../live/incident-change.js';
import { openStore } from '../../store/open-store.js';

/** An engine whose every change of verdict is kept, prepared as the service would save it. */
export interface RecordingEngine {
  readonly engine: Engine;
  readonly changes: readonly PreparedChange[];
}

/** A fresh engine drafting updates like `faultline diagnose` and `serve`, its changes kept. */
export function recordingEngine(): RecordingEngine {
  const changes: PreparedChange[] = [];
  const engine = createEngine({
    draft: (i) =>
      draftUpdate(i, {
        stage: i.resolved_at === null ? 'identified' : 'resolved',
        voice: 'public',
      }),
  });
  engine.onChange((e) => changes.push(prepareChange(e)));
  return { engine, changes };
}

/** Each incident's `GET /v1/incidents/{id}` document, newest `started_at` first. */
export async function incidentDetails(
  changes: readonly PreparedChange[],
): Promise<Record<string, unknown>[]> {
  const store = await openStore(':memory:');
  try {
    for (const { change, feed } of changes) await store.saveIncidentChange(change, feed);
    const rows = await store.queryIncidents({ limit: Number.MAX_SAFE_INTEGER });
    const out: Record<string, unknown>[] = [];
    for (const row of rows) {
      const detail = await store.incident(row.id);
      if (detail !== undefined) out.push(incidentDetailJson(detail));
    }
    return out;
  } finally {
    await store.close();
  }
}
