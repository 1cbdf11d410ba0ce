// `faultline diagnose` on records out of time order: reordered, or refused clearly, never a wrong answer.
import { afterAll, describe, expect, it } from 'vitest';
import { generateScenario } from '@faultline/scenarios';
import { runCli, scratch } from './run-cli.js';

const tmp = scratch('faultline-order-');
afterAll(tmp.cleanup);

const lines = generateScenario('provider-overload').records.map((r) => JSON.stringify(r));
const sorted = tmp.file('sorted.jsonl', lines.join('\n') + '\n');

interface Diagnosis {
  incidents: Array<{ layer: string; reason: string; provider: string; detected_at: string }>;
}

/** A deterministic shuffle (xorshift), so a failure can be replayed. */
function shuffle<T>(items: readonly T[], seed: number): T[] {
  const out = [...items];
  let s = seed;
  for (let i = out.length - 1; i > 0; i--) {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    const j = (s >>> 0) % (i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

describe('faultline diagnose and time order', () => {
  it('refuses a newest-first file with exit 2, saying how to sort it, and prints no diagnosis', async () => {
    const path = tmp.file('newest-first.jsonl', [...lines].reverse().join('\n') + '\n');
    for (const args of [
      ['diagnose', path],
      ['diagnose', '--json', path],
    ]) {
      const r = await runCli(args);
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(/the input looks newest-first/);
      expect(r.stderr).toContain(`tac ${path} > sorted.jsonl`);
      expect(r.stderr).toMatch(/jq -cs 'sort_by\(\.ts\)\[\]'/);
    }
  });

  it('refuses records shuffled across the whole file', async () => {
    const r = await runCli(['diagnose', '-'], shuffle(lines, 7).join('\n'));
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/out of time order/);
    expect(r.stderr).toContain('tac FILE > sorted.jsonl');
  });

  it('gives the same answer with one absurd future timestamp in the middle', async () => {
    const base = await runCli(['diagnose', '--json', sorted]);
    expect(base.code).toBe(0);
    const expected = (JSON.parse(base.stdout) as Diagnosis).incidents.map((i) => [
      i.layer,
      i.reason,
      i.provider,
      i.detected_at,
    ]);
    expect(expected).toHaveLength(1);
    const absurd =
      '{"ts":"2199-01-01T00:00:00Z","provider":"openai","model":"gpt-5.1","http_status":200}';
    const withAbsurd = [...lines];
    withAbsurd.splice(Math.floor(lines.length / 3), 0, absurd);
    const r = await runCli(['diagnose', '--json', '-'], withAbsurd.join('\n'));
    expect(r.code).toBe(0);
    expect(r.stderr).not.toMatch(/out of order/);
    const got = (JSON.parse(r.stdout) as Diagnosis).incidents.map((i) => [
      i.layer,
      i.reason,
      i.provider,
      i.detected_at,
    ]);
    expect(got).toEqual(expected);
  });
});
