// `faultline diagnose` on records out of time order: the answer of the sorted records, or a clear refusal.
import { execFileSync } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseRecordLine } from '@faultline/core';
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

/** The same lines sorted stably by their parsed time: the input diagnose must answer as. */
function sortedCopy(input: readonly string[]): string[] {
  const keyed = input.map((line, i) => {
    const parsed = parseRecordLine(line);
    if (!parsed.ok) throw new Error(`test input line ${i + 1} is bad`);
    return { line, i, t: parsed.timeMs };
  });
  return keyed.sort((a, b) => a.t - b.t || a.i - b.i).map((k) => k.line);
}

/** The reviewer's case: 300 gpt-5.1 500s from 13:35 appended to the file (under 1% late). */
const lateTail = [
  ...lines,
  ...Array.from({ length: 300 }, (_, i) =>
    JSON.stringify({
      ts: `2026-11-18T13:35:${String(Math.floor(i / 10)).padStart(2, '0')}.${i % 10}00Z`,
      provider: 'openai',
      model: 'gpt-5.1',
      http_status: 500,
      error_type: 'server_error',
      source: 'sdk',
    }),
  ),
];

/**
 * Diagnoses `input` (as a file, or on stdin) in both output forms and checks that each is
 * byte for byte what a file of the same records sorted by time gives, with a notice on stderr.
 */
async function expectSortedAnswer(
  name: string,
  input: readonly string[],
  via: 'file' | 'stdin',
  forms: string[][] = [['--json']],
) {
  const text = input.join('\n') + '\n';
  const reference = tmp.file(`${name}-sorted.jsonl`, sortedCopy(input).join('\n') + '\n');
  const path = tmp.file(`${name}.jsonl`, text);
  for (const form of forms) {
    const want = await runCli(['diagnose', ...form, reference]);
    expect(want.code).toBe(0);
    expect(want.stderr).toBe('');
    const got =
      via === 'file'
        ? await runCli(['diagnose', ...form, path])
        : await runCli(['diagnose', ...form, '-'], text);
    expect(got.code).toBe(0);
    expect(got.stdout).toBe(want.stdout);
    expect(got.stderr).toMatch(
      new RegExp(`records were out of time order .*; sorted ${input.length} records by time`),
    );
  }
}

describe('faultline diagnose and time order', () => {
  it('gives the sorted answer when a few records (under 1%) come long after newer ones', async () => {
    expect(300 / lateTail.length).toBeLessThan(0.01);
    await expectSortedAnswer('late-tail', lateTail, 'file', [['--json'], []]);
    const r = await runCli(['diagnose', '--json', tmp.file('late.jsonl', lateTail.join('\n'))]);
    // The late 500s are an incident of their own, at 13:35, not one at the end of the file.
    const openai = (JSON.parse(r.stdout) as Diagnosis).incidents.filter(
      (i) => i.provider === 'openai',
    );
    expect(openai.map((i) => i.detected_at.slice(0, 16))).toEqual(['2026-11-18T13:35']);
  });

  it('gives the sorted answer for a newest-first file', async () => {
    await expectSortedAnswer('newest-first', [...lines].reverse(), 'file');
  });

  it('gives the sorted answer for late and shuffled records on standard input', async () => {
    await expectSortedAnswer('late-stdin', lateTail, 'stdin');
    await expectSortedAnswer('shuffled-stdin', shuffle(lines, 7), 'stdin');
  });

  it('gives the sorted answer for a newest-first named pipe, which cannot be read twice', async () => {
    if (process.platform === 'win32') return;
    const reversed = [...lines].reverse();
    const reference = tmp.file('pipe-sorted.jsonl', sortedCopy(reversed).join('\n') + '\n');
    const want = await runCli(['diagnose', '--json', reference]);
    const fifo = join(tmp.dir, 'records.fifo');
    execFileSync('mkfifo', [fifo]);
    const writer = createWriteStream(fifo);
    const diagnosed = runCli(['diagnose', '--json', fifo]);
    writer.end(reversed.join('\n'));
    const got = await diagnosed;
    expect(got.code).toBe(0);
    expect(got.stdout).toBe(want.stdout);
  });

  it('gives the sorted answer with one absurd past timestamp in the middle of a file', async () => {
    const withAbsurd = [...lines];
    withAbsurd.splice(
      Math.floor(lines.length / 2),
      0,
      '{"ts":"1971-01-01T00:00:00Z","provider":"openai","model":"gpt-5.1","http_status":200}',
    );
    await expectSortedAnswer('absurd-past', withAbsurd, 'file');
  });

  it('refuses out-of-order standard input too large to keep, saying how to sort it', async () => {
    for (const args of [
      ['diagnose', '--max-sort-bytes', '100000', '-'],
      ['diagnose', '--json', '--max-sort-bytes', '0', '-'],
    ]) {
      const r = await runCli(args, [...lines].reverse().join('\n'));
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(/the input looks newest-first/);
      expect(r.stderr).toMatch(/can be read only once/);
      expect(r.stderr).toMatch(/Give the file by name/);
      expect(r.stderr).toContain('tac FILE > sorted.jsonl');
      expect(r.stderr).toMatch(/jq -cs 'sort_by\(\.ts\)\[\]'/);
    }
  });

  it('refuses an out-of-order file too large to sort, and takes an in-order one at any cap', async () => {
    const path = tmp.file('shuffled.jsonl', shuffle(lines, 7).join('\n') + '\n');
    const r = await runCli(['diagnose', '--max-sort-bytes', '100000', path]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/out of time order/);
    expect(r.stderr).toMatch(/over --max-sort-bytes \(100000 bytes\) of records in memory/);
    expect(r.stderr).toContain(`tac ${path} > sorted.jsonl`);
    const inOrder = await runCli(['diagnose', '--max-sort-bytes', '0', sorted]);
    expect(inOrder.code).toBe(0);
    expect(inOrder.stdout).toBe((await runCli(['diagnose', sorted])).stdout);
  });

  it('refuses a --max-sort-bytes that is not a whole number of bytes', async () => {
    const r = await runCli(['diagnose', '--max-sort-bytes', '1.5', sorted]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--max-sort-bytes must be a whole number/);
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
    // And exactly what the same records sorted give, as a file too.
    const file = tmp.file('absurd-future.jsonl', withAbsurd.join('\n') + '\n');
    const reference = tmp.file('absurd-future-sorted.jsonl', sortedCopy(withAbsurd).join('\n'));
    expect((await runCli(['diagnose', '--json', file])).stdout).toBe(
      (await runCli(['diagnose', '--json', reference])).stdout,
    );
  });
});
