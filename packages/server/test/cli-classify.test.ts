// End-to-end tests of `faultline classify`, run as a real process on the built CLI.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { generateCallMix } from '@faultline/scenarios';

const CLI = fileURLToPath(new URL('../bin/faultline.js', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'faultline-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function run(args: string[], stdin?: string): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], { stdio: 'pipe' });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(stdin ?? '');
  });
}

function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

const SPEC_LINES = [
  '{"ts":"2026-11-22T04:12:03.120Z","provider":"anthropic","model":"claude-opus-4-7","duration_ms":412,"http_status":529,"error_type":"overloaded_error","request_id":"req_011CX","attempt":1,"source":"sdk"}',
  '{"ts":1763784723500,"provider":"openai","model":"gpt-5.1","duration_ms":10003,"network_error":"UND_ERR_CONNECT_TIMEOUT","attempt":2}',
  '{"ts":"2026-11-22T04:12:05Z","provider":"anthropic","model":"claude-sonnet-4-6","duration_ms":2210,"http_status":200,"stream":true,"stream_completed":true,"stop_reason":"end_turn","output_tokens":0,"output_chars":0}',
  '{"kind":"status","ts":"2026-11-22T04:30:00Z","provider":"anthropic","component":"Claude API","status":"partial_outage","incident":"Elevated errors on Claude Opus 4.7"}',
];

describe('faultline classify', () => {
  it('writes each record back with a classification, per spec/diagnosis.md, and exits 0', async () => {
    const r = await run(['classify', '--json', file('spec.jsonl', SPEC_LINES.join('\n') + '\n')]);
    expect(r.code).toBe(0);
    const out = r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(out).toHaveLength(4);
    expect(out[0]).toEqual({
      ...(JSON.parse(SPEC_LINES[0]!) as object),
      classification: {
        layer: 'provider',
        reason: 'overloaded',
        owner: 'provider',
        retryable: true,
      },
    });
    expect(out[1]!.classification).toEqual({
      layer: 'network',
      reason: 'connect_timeout',
      owner: 'unknown',
      retryable: true,
    });
    expect(out[2]!.classification).toMatchObject({ layer: 'model', reason: 'empty' });
    expect(out[3]).toEqual(JSON.parse(SPEC_LINES[3]!));
    expect(r.stderr).toMatch(/classified 3 calls/);
    expect(r.stderr).toMatch(/provider\s+overloaded\s+1/);
  });

  it('reports bad lines as "line N: field: reason", keeps every good line, and exits 1', async () => {
    const text = [
      SPEC_LINES[0],
      'not json at all',
      '{"ts":"2026-11-22T04:12:03Z","provider":"openai"}',
      '',
      '[1,2,3]',
      '{"ts":"2026-11-22T04:12:03Z","provider":"openai","model":"gpt-5.1","http_status":"500"}',
      SPEC_LINES[1],
    ].join('\r\n');
    const r = await run(['classify', '--json'], text);
    expect(r.code).toBe(1);
    const lines = r.stderr.split('\n');
    expect(lines).toContain('line 3: model: required');
    expect(lines).toContain('line 5: record: not a JSON object');
    expect(lines).toContain('line 6: http_status: must be an integer from 100 to 599');
    expect(lines.some((l) => l.startsWith('line 2: json: not valid JSON'))).toBe(true);
    const out = r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { provider: string });
    expect(out.map((o) => o.provider)).toEqual(['anthropic', 'openai']);
    expect(r.stderr).toMatch(/4 bad lines/);
  });

  it('keeps unknown fields byte for byte and replaces an existing classification field', async () => {
    const text =
      '{"ts":0,"provider":"x","model":"m","http_status":503,"n":1.50,"u":"\\u00e9","deep":{"a":[1]}}\n' +
      '{"ts":0,"provider":"x","model":"m","http_status":401,"classification":"stale"}\n';
    const r = await run(['classify', '--json', '--no-summary'], text);
    const [first, second] = r.stdout.trim().split('\n');
    expect(first).toBe(
      '{"ts":0,"provider":"x","model":"m","http_status":503,"n":1.50,"u":"\\u00e9","deep":{"a":[1]},"classification":{"layer":"provider","reason":"unavailable","owner":"provider","retryable":true}}',
    );
    const parsed = JSON.parse(second!) as { classification: unknown };
    expect(parsed.classification).toEqual({
      layer: 'integration',
      reason: 'auth',
      owner: 'ours',
      retryable: false,
    });
    expect(r.stderr).toBe('');
  });

  it('prints a table for people without --json', async () => {
    const r = await run(['classify', file('table.jsonl', SPEC_LINES.join('\n'))]);
    expect(r.code).toBe(0);
    const rows = r.stdout.trim().split('\n');
    expect(rows[0]).toMatch(
      /^line\s+time \(UTC\)\s+provider\s+model\s+status\s+layer\s+reason\s+owner\s+retry$/,
    );
    expect(rows[1]).toMatch(
      /^1\s+2026-11-22T04:12:03.120Z\s+anthropic\s+claude-opus-4-7\s+529 overloaded_error\s+provider\s+overloaded\s+provider\s+yes$/,
    );
    expect(rows).toHaveLength(4);
  });

  it('neutralizes control characters from untrusted record text in the table', async () => {
    const r = await run(
      ['classify'],
      '{"ts":0,"provider":"x\\u001b[2J","model":"m","http_status":200}\n',
    );
    expect(r.stdout).not.toContain('\u001b');
  });

  it('streams a large input whose lines cross read chunks, losing nothing', async () => {
    const records = [...generateCallMix(30_000, 9)];
    const r = await run([
      'classify',
      '--json',
      '--no-summary',
      file('big.jsonl', records.map((x) => JSON.stringify(x)).join('\n')),
    ]);
    expect(r.code).toBe(0);
    const out = r.stdout.trim().split('\n');
    expect(out).toHaveLength(30_000);
    expect((JSON.parse(out[29_999]!) as { ts: string }).ts).toBe(records[29_999]!.ts);
  });

  it('fails clearly on a missing file and on unknown options', async () => {
    const missing = await run(['classify', join(dir, 'nope.jsonl')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/cannot read .*nope\.jsonl: no such file/);
    const bad = await run(['classify', '--jsn']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/Unknown option '--jsn'/);
    const unknown = await run(['frobnicate']);
    expect(unknown.code).toBe(2);
  });

  it('documents itself with --help', async () => {
    const r = await run(['classify', '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Usage: faultline classify \[FILE\|-\] \[--json\]/);
    const top = await run(['--help']);
    expect(top.stdout).toMatch(/classify\s+classify each call record/);
    expect(top.stdout).toMatch(/fake-provider\s+serve the emulated/);
  });
});
