// A record whose time cannot be printed as RFC 3339 is a bad line, never a crash of the CLI.
import { afterAll, describe, expect, it } from 'vitest';
import { runCli, scratch } from './run-cli.js';

const tmp = scratch('faultline-ts-');
afterAll(tmp.cleanup);

const GOOD =
  '{"ts":"2026-11-22T04:12:03Z","provider":"openai","model":"gpt-5.1","http_status":200}';
const BAD_TIMES = [
  '1e16',
  '8.64e15',
  '253402300800000',
  '-1',
  '"0000-01-01T00:00:00Z"',
  '"0050-06-01T00:00:00Z"',
  '"0999-12-31T23:59:59Z"',
  '"1969-12-31T23:59:59Z"',
  '"9999-12-31T23:59:59-01:00"',
];
const text = [
  GOOD,
  ...BAD_TIMES.map((ts) => `{"ts":${ts},"provider":"openai","model":"m","http_status":500}`),
  GOOD,
].join('\n');
const input = tmp.file('times.jsonl', text + '\n');
const RFC3339 = /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z/g;

function badLineNumbers(stderr: string): number[] {
  return [...stderr.matchAll(/^line (\d+): ts: must be an RFC 3339 time .*1970.*9999/gm)].map((m) =>
    Number(m[1]),
  );
}

describe('out-of-range record times', () => {
  it('classify reports each as "line N: ts: …", keeps the good lines, and exits 1', async () => {
    for (const args of [
      ['classify', input],
      ['classify', '--json', input],
    ]) {
      const r = await runCli(args);
      expect(r.stderr).not.toMatch(/Invalid time value/);
      expect(r.code).toBe(1);
      expect(badLineNumbers(r.stderr)).toEqual(BAD_TIMES.map((_, i) => i + 2));
      expect(r.stderr).toMatch(/classified 2 calls, 9 bad lines/);
    }
    const table = await runCli(['classify', input]);
    const rows = table.stdout.trim().split('\n').slice(1);
    expect(rows.map((row) => row.split(/\s+/)[0])).toEqual(['1', '11']);
    for (const row of rows) expect(row.split(/\s+/)[1]).toMatch(/^2026-11-22T04:12:03\.000Z$/);
  });

  it('diagnose reports each as a bad line and prints only RFC 3339 times', async () => {
    const r = await runCli(['diagnose', '--json', input]);
    expect(r.stderr).not.toMatch(/Invalid time value/);
    expect(r.code).toBe(1);
    expect(badLineNumbers(r.stderr)).toEqual(BAD_TIMES.map((_, i) => i + 2));
    const d = JSON.parse(r.stdout) as { records: number; bad_records: number; from: string };
    expect(d).toMatchObject({ records: 2, bad_records: 9, from: '2026-11-22T04:12:03.000Z' });
    for (const t of r.stdout.match(/"\S*\d{4}-\d\d-\d\dT[^"]*"/g) ?? []) {
      expect(t.slice(1, -1)).toMatch(new RegExp(`^${RFC3339.source}$`));
    }
  });

  it('diagnose keeps going at the very end of time', async () => {
    const last = tmp.file(
      'end-of-time.jsonl',
      '{"ts":"9999-12-31T23:59:59.999Z","provider":"openai","model":"m","http_status":200}\n',
    );
    const r = await runCli(['diagnose', '--json', last]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ to: '9999-12-31T23:59:59.999Z' });
  });
});
