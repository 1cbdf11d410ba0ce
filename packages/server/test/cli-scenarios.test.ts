// `faultline scenarios` as a real process: bounded sizes, streamed records, a truth file written whole or not at all.
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const CLI = fileURLToPath(new URL('../bin/faultline.js', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'faultline-scen-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function scenarios(
  args: string[],
): Promise<{ code: number | null; stdout: string; stderr: string; ms: number }> {
  const t0 = Date.now();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, 'scenarios', ...args], { stdio: 'pipe' });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr, ms: Date.now() - t0 }));
  });
}

describe('faultline scenarios sizes', () => {
  it('refuses an absurd --rate with a usage error naming the maximum, at once', async () => {
    const r = await scenarios(['provider-overload', '--rate', '100000000']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--rate must be at most 1000 calls per second/);
    expect(r.stdout).toBe('');
    expect(r.ms).toBeLessThan(5000);
  });

  it.each([
    [
      ['provider-overload', '--rate', '1000', '--minutes', '600'],
      /--rate × --minutes asks for about 36,000,000 calls/,
    ],
    [
      ['quiet-week', '--rate', '100'],
      /--rate over the scenario length asks for about 60,480,000 calls/,
    ],
    [
      ['noise-only-high-volume', '--minutes', '100000'],
      /--minutes at the scenario rate asks for about/,
    ],
  ])('refuses %j before building anything', async (args, message) => {
    const r = await scenarios(args);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).toMatch(/the most one run may build is 1,000,000/);
    expect(r.stdout).toBe('');
    expect(r.ms).toBeLessThan(5000);
  });

  it('writes a large run that fits, record by record, with the truth alongside', async () => {
    const truth = join(dir, 'truth.json');
    const r = await scenarios([
      'provider-overload',
      '--rate',
      '50',
      '--minutes',
      '20',
      '--truth',
      truth,
    ]);
    expect(r.code).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines.length).toBeGreaterThan(50_000);
    for (const line of [lines[0], lines.at(-1)]) {
      expect(JSON.parse(line ?? '') as { ts: unknown }).toHaveProperty('ts');
    }
    const incidents = JSON.parse(readFileSync(truth, 'utf8')) as { reason: string }[];
    expect(incidents[0]?.reason).toBe('overloaded');
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  }, 60_000);
});

describe('faultline scenarios --truth', () => {
  it.each([
    [
      'a directory',
      () => {
        mkdirSync(join(dir, 'is-a-dir'), { recursive: true });
        return join(dir, 'is-a-dir');
      },
      'is a directory',
    ],
    ['a missing directory', () => join(dir, 'no', 'such', 'truth.json'), 'no such directory'],
    ['under a file', () => join(CLI, 'truth.json'), 'a parent is not a directory'],
  ])(
    'says "cannot write" for %s and exits 2 with nothing written',
    async (_what, target, reason) => {
      const path = target();
      const r = await scenarios(['provider-overload', '--minutes', '5', '--truth', path]);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(`cannot write ${path}: ${reason}`);
      expect(r.stderr).not.toMatch(/cannot read/);
      expect(r.stdout).toBe('');
      expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    },
  );
});
