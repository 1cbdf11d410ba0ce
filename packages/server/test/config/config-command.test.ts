// `faultline config check` through its command (main.ts wires it): ok and summary, problems, --json, --help.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable, Writable } from 'node:stream';
import { isUsageError } from '@faultline/core';
import { afterAll, describe, expect, it } from 'vitest';
import { configCommand } from '../../src/cli/config/config-command.js';
import { runConfigCheck } from '../../src/cli/config/run-config-check.js';
import { SPEC_ENV, specExample } from './spec-example.js';

const dir = mkdtempSync(join(tmpdir(), 'faultline-config-check-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
writeFileSync(join(dir, 'spec.yaml'), specExample());
writeFileSync(
  join(dir, 'bad.yaml'),
  'listen: nowhere\nprobes:\n  - { provider: anthropic, model: m, every: 30 seconds, api_key: "${KEY}" }\nnotfy: []\n',
);

function sink(): { stream: NodeJS.WriteStream; text: () => string } {
  let text = '';
  const stream = new Writable({
    write(chunk: Buffer | string, _encoding, done) {
      text += String(chunk);
      done();
    },
  });
  return { stream: stream as unknown as NodeJS.WriteStream, text: () => text };
}

function streams() {
  const out = sink();
  const err = sink();
  return {
    io: { stdin: Readable.from([]), stdout: out.stream, stderr: err.stream },
    out: out.text,
    err: err.text,
  };
}

async function check(
  file: string | undefined,
  json = false,
  env: Record<string, string> = SPEC_ENV,
) {
  const s = streams();
  const code = await runConfigCheck(
    { ...(file === undefined ? {} : { file }), json, env, cwd: dir },
    s.io,
  );
  return { code, stdout: s.out(), stderr: s.err() };
}

describe('faultline config check', () => {
  it('prints ok: FILE and a summary for the spec example, exit 0', async () => {
    expect(await check('spec.yaml')).toEqual({
      code: 0,
      stderr: '',
      stdout:
        'ok: spec.yaml\n' +
        '  listen 127.0.0.1:7600, store sqlite ./faultline.db, records kept 7d\n' +
        '  2 tokens, 1 status page, 1 probe, 3 notify channels (slack, pagerduty, webhook)\n' +
        '  gateway on 127.0.0.1:7601: 2 targets, 1 route\n' +
        '  status page "Acme AI status": 1 component\n' +
        '  breaker opens on provider, model, network, recovery evidence\n',
    });
  });

  it('lists every path: problem on stderr and exits 2', async () => {
    const r = await check('bad.yaml', false, {});
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(
      'faultline config check: invalid configuration in bad.yaml:\n' +
        '  probes[0].api_key: environment variable KEY is not set\n' +
        '  listen: not a host:port ("nowhere"); e.g. 127.0.0.1:7600 or [::1]:7600\n' +
        '  probes[0].every: not a duration ("30 seconds"); use 500ms, 30s, 5m, 2h or 7d\n' +
        '  notfy: unknown key\n',
    );
  });

  it('with --json prints the validated config with its secrets redacted', async () => {
    const r = await check('spec.yaml', true);
    expect(r.code).toBe(0);
    const printed = JSON.parse(r.stdout) as { probes: Array<{ every: number; api_key: string }> };
    expect(printed.probes[0]).toMatchObject({ every: 30_000, api_key: '[redacted]' });
    for (const value of Object.values(SPEC_ENV)) expect(r.stdout).not.toContain(value);
  });

  it('checks the defaults when there is no FILE and no ./faultline.yaml', async () => {
    const r = await check(undefined);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(
      /^ok: no file, the defaults\n {2}listen 127\.0\.0\.1:7600, store sqlite \.\/faultline\.db/,
    );
  });

  it('says a missing file is missing, exit 2', async () => {
    const r = await check('missing.yaml');
    expect(r).toMatchObject({
      code: 2,
      stderr: 'faultline config check: cannot read missing.yaml:\n  no such file\n',
    });
  });

  it('shows a postgres:// password as "redacted" with --json, as --help says', async () => {
    writeFileSync(join(dir, 'pg.yaml'), 'store: postgres://app:${PGPASS}@db.internal:5432/fl\n');
    const r = await check('pg.yaml', true, { PGPASS: 's3cret-pw' });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('"url": "postgres://app:redacted@db.internal:5432/fl"');
    expect(r.stdout).not.toContain('s3cret-pw');
  });

  it('describes itself in --help and refuses a missing or unknown subcommand', async () => {
    const s = streams();
    expect(await configCommand.execute(['check', '--help'], s.io)).toBe(0);
    expect(s.out()).toMatch(/^Usage: faultline config check \[FILE\] \[--json\]\n/);
    expect(s.out()).toContain('every problem, one "path: problem" a line');
    expect(s.out()).toContain('a password in a postgres:// store URL as "redacted"');
    for (const [args, message] of [
      [[], 'config needs a subcommand: check'],
      [['lint', 'x.yaml'], 'unknown subcommand "lint"; use: config check [FILE]'],
      [['check', 'a', 'b'], 'config check takes one FILE'],
    ] as const) {
      const e = await configCommand.execute(args, streams().io).catch((err: unknown) => err);
      expect(isUsageError(e)).toBe(true);
      expect((e as Error).message).toBe(message);
    }
  });

  it('runs through the command with the process environment and working directory', async () => {
    const s = streams();
    const cwd = process.cwd();
    process.chdir(dir);
    try {
      expect(await configCommand.execute(['check', 'bad.yaml'], s.io)).toBe(2);
    } finally {
      process.chdir(cwd);
    }
    expect(s.err()).toContain('notfy: unknown key');
  });
});
