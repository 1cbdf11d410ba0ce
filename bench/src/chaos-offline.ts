/**
 * The offline yardstick of the chaos run: the stored records exported from PostgreSQL and run
 * through `faultline diagnose --json` (the same engine, fed in time order, once). Its incidents
 * say what the live engine should have found; more affected calls live than offline means the
 * live engine counted records twice across its leader changes.
 */
import { execFile } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { exportRecords } from './chaos-store.js';
import { CLI } from './paths.js';

export interface OfflineIncident {
  readonly id: string;
  readonly layer: string;
  readonly scope: string;
  readonly models: readonly string[];
  readonly affected_calls: number;
  readonly resolved_at: string | null;
}

/** Diagnoses the stored records offline, through a JSON Lines file in `dir` removed after. */
export async function diagnoseStored(dbUrl: string, dir: string): Promise<OfflineIncident[]> {
  const file = join(dir, 'stored-records.jsonl');
  try {
    await exportRecords(dbUrl, file);
    const { stdout } = await promisify(execFile)(
      process.execPath,
      [CLI, 'diagnose', file, '--json'],
      { maxBuffer: 64 * 1024 * 1024 },
    );
    return (JSON.parse(stdout) as { incidents: OfflineIncident[] }).incidents;
  } finally {
    rmSync(file, { force: true });
  }
}
