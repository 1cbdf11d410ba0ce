// Runs the built `faultline diagnose --json` on records written to a file, as a user would.
import { execFile } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CallRecord } from '@faultline/core';
import { CLI } from './spawn-serve.js';

/** The incident fields the live service and the offline replay must agree on. */
export interface IncidentIdentity {
  readonly id: string;
  readonly layer: string;
  readonly owner: string;
  readonly reason: string;
  readonly scope: string;
  readonly provider: string | null;
  readonly models: readonly string[];
  readonly detected_at: string;
}

/** The part of an incident that must match exactly (everything but the detection time). */
export function identity(i: IncidentIdentity): string {
  return JSON.stringify([i.layer, i.owner, i.reason, i.scope, i.provider, [...i.models].sort()]);
}

/** Writes `records` as JSON Lines into `dir` and returns what `faultline diagnose --json` says. */
export async function diagnoseJson(
  dir: string,
  records: readonly CallRecord[],
): Promise<IncidentIdentity[]> {
  const file = join(dir, 'sent.jsonl');
  writeFileSync(file, records.map((r) => `${JSON.stringify(r)}\n`).join(''));
  const stdout = await new Promise<string>((resolve, reject) =>
    execFile(
      process.execPath,
      [CLI, 'diagnose', '--json', file],
      { maxBuffer: 64 << 20 },
      (e, out) => {
        if (e instanceof Error) reject(e);
        else resolve(out);
      },
    ),
  );
  return (JSON.parse(stdout) as { incidents: IncidentIdentity[] }).incidents;
}
