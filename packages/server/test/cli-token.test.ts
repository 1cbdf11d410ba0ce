// `faultline token`: tokens created, listed and revoked in a real SQLite store; only hashes kept.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli, scratch } from './cli-hardening/run-cli.js';

const dir = scratch('faultline-token-');
afterAll(() => dir.cleanup());

describe('faultline token', () => {
  it('creates a token shown once, lists it, revokes it by name, and stores only its hash', async () => {
    const db = join(dir.dir, 'tokens.db');
    const made = await runCli([
      'token',
      'create',
      '--role',
      'ingest',
      '--name',
      'checkout-api',
      '--store',
      db,
    ]);
    expect(made.code).toBe(0);
    const secret = made.stdout.trim();
    expect(secret).toMatch(/^fl_ingest_[A-Za-z0-9_-]{32}$/);
    expect(made.stderr).toContain('shown only now');

    const listed = await runCli(['token', 'list', '--store', db, '--json']);
    expect(listed.code).toBe(0);
    const rows = JSON.parse(listed.stdout) as {
      name: string;
      role: string;
      revoked_at: string | null;
    }[];
    expect(rows).toMatchObject([{ name: 'checkout-api', role: 'ingest', revoked_at: null }]);
    expect(listed.stdout).not.toContain(secret);
    for (const file of ['tokens.db', 'tokens.db-wal']) {
      let bytes = '';
      try {
        bytes = readFileSync(join(dir.dir, file), 'latin1');
      } catch {
        continue;
      }
      expect(bytes).not.toContain(secret);
    }

    const revoked = await runCli(['token', 'revoke', 'checkout-api', '--store', db]);
    expect(revoked.code).toBe(0);
    const again = await runCli(['token', 'revoke', 'checkout-api', '--store', db]);
    expect(again.code).toBe(1);
    const after = JSON.parse((await runCli(['token', 'list', '--store', db, '--json'])).stdout) as {
      revoked_at: string | null;
    }[];
    expect(after[0]?.revoked_at).toMatch(/Z$/);
  });

  it('refuses a second active token of the same name, and a list of a store that is not there', async () => {
    const db = join(dir.dir, 'names.db');
    const args = ['token', 'create', '--role', 'read', '--name', 'ops', '--store', db];
    expect((await runCli(args)).code).toBe(0);
    const twice = await runCli(args);
    expect(twice.code).toBe(1);
    expect(twice.stderr).toContain('already named "ops"');
    const typo = await runCli(['token', 'list', '--store', join(dir.dir, 'typo.db')]);
    expect(typo.code).toBe(2);
    expect(typo.stderr).toContain('no store at');
  });

  it.each([
    [['token'], 'needs a subcommand'],
    [['token', 'make'], 'unknown subcommand'],
    [['token', 'create', '--name', 'x'], '--role ingest, read or admin'],
    [['token', 'create', '--role', 'root', '--name', 'x'], '--role ingest, read or admin'],
    [['token', 'create', '--role', 'read'], '--name NAME'],
    [['token', 'revoke'], 'ID or NAME'],
  ])('refuses %j with exit 2', async (args, words) => {
    const run = await runCli([...args, '--store', join(dir.dir, 'unused.db')]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(words);
  });
});
