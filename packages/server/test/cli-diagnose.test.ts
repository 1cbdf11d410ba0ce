// `faultline diagnose`, `lint-update` and `scenarios` as real processes on the built CLI (the demo:
// cli-demo.test.ts).
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { checkDiagnosis } from '@faultline/core';
import { generateScenario } from '@faultline/scenarios';

const CLI = fileURLToPath(new URL('../bin/faultline.js', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'faultline-diag-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function run(
  args: string[],
  stdin = '',
): Promise<{ code: number | null; stdout: string; stderr: string; ms: number }> {
  const t0 = Date.now();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], { stdio: 'pipe' });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr, ms: Date.now() - t0 }));
    child.stdin.end(stdin);
  });
}

const overload = generateScenario('provider-overload');
const lines = overload.records.map((r) => JSON.stringify(r));
const file = join(dir, 'overload.jsonl');
writeFileSync(file, lines.join('\n') + '\n');

interface DiagnosisJson {
  version: number;
  records: number;
  bad_records: number;
  from: string;
  to: string;
  incidents: Array<Record<string, unknown> & { update: string; evidence: unknown[] }>;
}

describe('faultline diagnose', () => {
  it('prints the JSON document of spec/diagnosis.md', async () => {
    const r = await run(['diagnose', '--json', file]);
    expect(r.code).toBe(0);
    const d = JSON.parse(r.stdout) as DiagnosisJson;
    expect(Object.keys(d)).toEqual([
      'version',
      'records',
      'bad_records',
      'from',
      'to',
      'incidents',
    ]);
    expect(d).toMatchObject({ version: 1, records: lines.length, bad_records: 0 });
    expect(d.incidents).toHaveLength(1);
    const i = d.incidents[0]!;
    expect(Object.keys(i)).toEqual([
      'id',
      'layer',
      'owner',
      'reason',
      'scope',
      'provider',
      'models',
      'started_at',
      'detected_at',
      'resolved_at',
      'peak_error_rate',
      'affected_calls',
      'confidence',
      'evidence',
      'update',
    ]);
    expect(i).toMatchObject({
      layer: 'provider',
      owner: 'provider',
      reason: 'overloaded',
      scope: 'provider',
      provider: 'anthropic',
    });
    expect(i.update).toMatch(/Anthropic's API/);
    expect(i.update).not.toMatch(/degraded performance|experiencing issues/i);
    // v1.1: every evidence item carries its facts, and the whole document reads back.
    for (const e of i.evidence) expect(e).toHaveProperty('facts');
    const rate = i.evidence.find((e) => (e as { kind?: unknown }).kind === 'error_rate') as
      { facts?: { observed?: unknown } } | undefined;
    expect(rate?.facts?.observed).toEqual({
      kind: 'http_error',
      status_code: 529,
      error: 'overloaded_error',
    });
    const read = checkDiagnosis(d);
    expect(read.ok ? [] : read.problems).toEqual([]);
  });

  it('reports bad lines without stopping, puts shuffled records back in order, and reads stdin', async () => {
    const shuffled = [...lines];
    for (let k = 0; k + 40 < shuffled.length; k += 40)
      shuffled.splice(k, 40, ...shuffled.slice(k, k + 40).reverse());
    const input = ['not json', ...shuffled, '{"ts":"x","provider":"openai","model":"m"}'].join(
      '\n',
    );
    const r = await run(['diagnose', '--json', '-'], input);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^line 1: json: not valid JSON/m);
    expect(r.stderr).toMatch(/line \d+: ts: must be an RFC 3339 time/);
    const d = JSON.parse(r.stdout) as DiagnosisJson;
    expect(d.bad_records).toBe(2);
    expect(d.incidents.map((i) => [i.layer, i.reason, i.provider])).toEqual([
      ['provider', 'overloaded', 'anthropic'],
    ]);
  });

  it('prints a block per incident for people, times in UTC', async () => {
    const r = await run(['diagnose', file]);
    expect(r.stdout).toMatch(/1 incident:/);
    expect(r.stdout).toMatch(
      /the provider's API broke \(provider\/overloaded\) · owner: provider · scope: provider/,
    );
    expect(r.stdout).toMatch(/started 2026-11-18 13:4\d:\d\d UTC/);
  });

  it('says so when nothing rose above noise', async () => {
    const quiet = join(dir, 'quiet.jsonl');
    writeFileSync(
      quiet,
      generateScenario('status-page-only')
        .records.map((x) => JSON.stringify(x))
        .join('\n'),
    );
    const r = await run(['diagnose', quiet]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/No incidents/);
  });
});

describe('faultline lint-update and scenarios', () => {
  it('flags the wording that started the false story, and proposes a rewrite from a diagnosis', async () => {
    const diagnosis = join(dir, 'diagnosis.json');
    writeFileSync(diagnosis, (await run(['diagnose', '--json', file])).stdout);
    const text =
      "Anthropic's Opus 4.7 and 4.8 models had degraded performance with higher failure rates.";
    const r = await run(['lint-update', text, '--diagnosis', diagnosis]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/degraded performance/);
    expect(r.stdout).toMatch(/Anthropic's API/);
    const clean = await run([
      'lint-update',
      "Anthropic's API has been returning HTTP 529 overloaded errors for claude-opus-4-7 since 04:12 UTC; our own service works normally.",
    ]);
    expect(clean.code).toBe(0);
  });

  it('lists the scenario library and writes a scenario that diagnose reads', async () => {
    const list = await run(['scenarios']);
    expect(list.stdout).toMatch(/^provider-overload\s/m);
    const bad = await run(['scenarios', 'nope']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/known: provider-overload/);
  });
});
