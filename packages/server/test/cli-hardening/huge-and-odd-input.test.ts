// Endless, huge, deeply nested and oddly encoded input ends promptly with bad lines, never a crash.
import { closeSync, openSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli, scratch } from './run-cli.js';

const tmp = scratch('faultline-huge-');
afterAll(tmp.cleanup);

const ok = (provider: string): string =>
  `{"ts":"2026-11-22T04:12:03Z","provider":"${provider}","model":"m","http_status":200}`;

async function withFd<T>(path: string, f: (fd: number) => Promise<T>): Promise<T> {
  const fd = openSync(path, 'r');
  try {
    return await f(fd);
  } finally {
    closeSync(fd);
  }
}

describe('endless and huge input', () => {
  it.each([['classify'], ['diagnose']])(
    '%s - < /dev/zero stops promptly with a bad line and exit 2',
    async (command) => {
      const r = await withFd('/dev/zero', (fd) => runCli([command, '-'], fd));
      expect(r.code).toBe(2);
      expect(r.ms).toBeLessThan(10_000);
      expect(r.stderr).toMatch(/^line 1: record: line longer than 1048576 bytes/m);
      expect(r.stderr).toMatch(/not JSON Lines text; stopped reading/);
    },
  );

  it('lint-update - < /dev/zero stops promptly with a usage error', async () => {
    const r = await withFd('/dev/zero', (fd) => runCli(['lint-update', '-'], fd));
    expect(r.code).toBe(2);
    expect(r.ms).toBeLessThan(10_000);
    expect(r.stderr).toMatch(/the update TEXT: the input is over 1048576 bytes/);
    const d = await runCli(['lint-update', 'x', '--diagnosis', '/dev/zero']);
    expect(d.code).toBe(2);
    expect(d.stderr).toMatch(/\/dev\/zero: the input is over 67108864 bytes/);
  });

  it('skips a 20 MB single line and keeps the good lines around it', async () => {
    const big = '{"ts":0,"provider":"p","model":"m","x":"' + 'a'.repeat(20 << 20) + '"}';
    const path = tmp.file('big-line.jsonl', [ok('before'), big, ok('after')].join('\n'));
    const r = await runCli(['classify', '--json', path]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^line 2: record: line longer than 1048576 bytes/m);
    const out = r.stdout.trim().split('\n');
    expect(out.map((l) => (JSON.parse(l) as { provider: string }).provider)).toEqual([
      'before',
      'after',
    ]);
  });

  it('takes the cap from --max-line-bytes and refuses a cap that is not a number', async () => {
    const path = tmp.file('caps.jsonl', [ok('a'), ok('a'.repeat(200)), ok('b')].join('\n'));
    const r = await runCli(['classify', '--json', '--max-line-bytes', '120', path]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^line 2: record: line longer than 120 bytes/m);
    expect(r.stdout.trim().split('\n')).toHaveLength(2);
    const d = await runCli(['diagnose', '--max-line-bytes', '120', path]);
    expect(d.code).toBe(1);
    expect(d.stderr).toMatch(/^line 2: record: line longer than 120 bytes/m);
    const bad = await runCli(['classify', '--max-line-bytes', '1MB', path]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--max-line-bytes must be a whole number/);
  });

  it('reports deeply nested JSON as a bad line and goes on', async () => {
    const deepArray = '['.repeat(1_000_000);
    const deepValue = '['.repeat(400_000) + ']'.repeat(400_000);
    const reserialized = `{"ts":0,"provider":"p","model":"m","classification":1,"x":${deepValue}}`;
    const lines = [ok('a'), deepArray, reserialized, ok('b')];
    const path = tmp.file('deep.jsonl', lines.join('\n') + '\n');
    for (const args of [
      ['classify', '--json', path],
      ['classify', path],
      ['diagnose', path],
    ]) {
      const r = await runCli(args);
      expect(r.stderr).not.toMatch(/^faultline \w+: /m);
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(/^line 2: json: /m);
    }
    const json = await runCli(['classify', '--json', path]);
    expect(json.stderr).toMatch(/^line 3: record: could not be processed \(RangeError/m);
    expect(json.stdout.trim().split('\n')).toHaveLength(2);
    expect(JSON.parse(json.stdout.trim().split('\n')[1]!)).toMatchObject({ provider: 'b' });
  });
});

describe('odd input', () => {
  it.each([['classify'], ['diagnose']])(
    '%s refuses standard input that is a directory, exit 2',
    async (command) => {
      const r = await withFd(tmp.dir, (fd) => runCli([command, '-'], fd));
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/cannot read standard input: is a directory/);
    },
  );

  it('ignores the byte order mark of each file that `cat a b` joins', async () => {
    const bom = '\uFEFF';
    const text = `${bom}${ok('a')}\n${bom}${ok('b')}\n`;
    const c = await runCli(['classify', '--json', '-'], text);
    expect(c.code).toBe(0);
    expect(c.stdout.trim().split('\n')).toHaveLength(2);
    const d = await runCli(['diagnose', '--json', '-'], text);
    expect(d.code).toBe(0);
    expect(JSON.parse(d.stdout)).toMatchObject({ records: 2, bad_records: 0 });
  });

  it('decodes multi-byte characters that straddle read chunks, from a file and from a pipe', async () => {
    // 1 MiB file reads and 64 KiB pipe reads: put a 4-byte character across many boundaries.
    const lines: string[] = [];
    let bytes = 0;
    while (bytes < 3 << 20) {
      const line = ok(`p-${'😀é€'.repeat(7)}-${lines.length}`);
      lines.push(line);
      bytes += Buffer.byteLength(line) + 1;
    }
    const text = lines.join('\n') + '\n';
    const path = tmp.file('multibyte.jsonl', text);
    for (const [args, stdin] of [
      [['classify', '--json', '--no-summary', path], ''],
      [['classify', '--json', '--no-summary', '-'], text],
    ] as const) {
      const r = await runCli(args, stdin);
      expect(r.code).toBe(0);
      expect(r.stdout).not.toContain('\uFFFD');
      expect(r.stdout.trim().split('\n')).toHaveLength(lines.length);
    }
  });
});
