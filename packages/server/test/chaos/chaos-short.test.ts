// The chaos run's short form (issue 14) in CI: three replicas on one fresh PostgreSQL database
// under SDK batch-sink load, the leader SIGKILLed three times, one replica's PostgreSQL connection
// cut for 10 s (PostgreSQL itself is never restarted here: other test files share it). The script
// (bench/src/chaos-run.ts, built by `tsc -b`) measures; this asserts its invariants, and of its
// timings only that each takeover came within 15 s.
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const SCRIPT = fileURLToPath(new URL('../../../../bench/dist/chaos-run.js', import.meta.url));
const scratch = mkdtempSync(join(tmpdir(), 'faultline-chaos-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

interface Result {
  readonly ok: boolean;
  readonly leaderElection: boolean;
  readonly records: {
    readonly acked: number;
    readonly ackedLost: number;
    readonly storedTwice: number;
  };
  readonly doubleCounted: number;
  readonly faults: readonly { kind: string; takeoverSeconds: number | null; wasLeader: boolean }[];
  readonly invariants: readonly { name: string; ok: boolean; seen: string }[];
}

function runShortForm(jsonFile: string): Promise<{ code: number; output: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [SCRIPT, '--short', '--json', jsonFile],
      { timeout: 290_000, maxBuffer: 16 * 1024 * 1024 },
      (error, stdout, stderr) => {
        const code = error === null ? 0 : typeof error.code === 'number' ? error.code : -1;
        resolve({ code, output: `${stdout}${stderr}` });
      },
    );
  });
}

describe('chaos run, short form', () => {
  it('loses nothing acknowledged, counts and notifies once, takes over within 15 s', async () => {
    expect(existsSync(SCRIPT), `${SCRIPT} is built by \`npx tsc -b\``).toBe(true);
    const jsonFile = join(scratch, 'chaos.json');
    const { code, output } = await runShortForm(jsonFile);
    expect(existsSync(jsonFile), `the run wrote no result:\n${output}`).toBe(true);
    const result = JSON.parse(readFileSync(jsonFile, 'utf8')) as Result;
    const failed = result.invariants.filter((c) => !c.ok).map((c) => `${c.name}: ${c.seen}`);

    expect(result.leaderElection, 'the replicas show leader election').toBe(true);
    expect(result.records.acked, 'records were acknowledged').toBeGreaterThan(50_000);
    expect(result.records.ackedLost).toBe(0);
    expect(result.records.storedTwice).toBe(0);
    expect(result.doubleCounted).toBe(0);
    const kills = result.faults.filter((f) => f.kind === 'kill');
    expect(kills).toHaveLength(3);
    for (const k of kills) {
      expect(k.wasLeader, 'a leader was killed').toBe(true);
      expect(k.takeoverSeconds).not.toBeNull();
      expect(k.takeoverSeconds!).toBeLessThanOrEqual(15);
    }
    expect(failed, output).toEqual([]);
    expect(result.ok).toBe(true);
    expect(code, output).toBe(0);
  }, 300_000);
});
