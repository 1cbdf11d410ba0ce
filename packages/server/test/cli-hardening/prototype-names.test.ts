// Provider and model names are data: Object.prototype's names work like any other id in the CLI.
import { afterAll, describe, expect, it } from 'vitest';
import { generateScenario } from '@faultline/scenarios';
import { runCli, scratch } from './run-cli.js';

const tmp = scratch('faultline-proto-');
afterAll(tmp.cleanup);

const NAMES = ['constructor', '__proto__', 'toString', 'valueOf', 'hasOwnProperty'] as const;

describe('Object.prototype names as ids', () => {
  it('classify tables, writes back and sums them like any other provider and model', async () => {
    const text = NAMES.map(
      (n) => `{"ts":"2026-11-22T04:12:03Z","provider":"${n}","model":"${n}","http_status":529}`,
    ).join('\n');
    const path = tmp.file('names.jsonl', text + '\n');
    const table = await runCli(['classify', path]);
    expect(table.code).toBe(0);
    const rows = table.stdout.trim().split('\n').slice(1);
    expect(rows.map((r) => r.split(/\s+/)[2])).toEqual([
      'constructor',
      '__proto__',
      'toString',
      'valueOf',
      'hasOwnProper…',
    ]);
    expect(table.stderr).toMatch(/classified 5 calls, 0 bad lines/);
    expect(table.stderr).toMatch(/provider\s+overloaded\s+5/);
    const json = await runCli(['classify', '--json', path]);
    expect(json.code).toBe(0);
    const out = json.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(out.map((r) => Object.hasOwn(r, 'provider') && r['provider'])).toEqual([...NAMES]);
  });

  it.each(NAMES)(
    'diagnose names an overload of provider and model "%s", and lint-update checks against it',
    async (name) => {
      const records = generateScenario('provider-overload').records.map((r) =>
        r.provider === 'anthropic'
          ? { ...r, provider: name, ...('model' in r ? { model: name } : {}) }
          : r,
      );
      const path = tmp.file(
        `overload-${name}.jsonl`,
        records.map((r) => JSON.stringify(r)).join('\n'),
      );
      const r = await runCli(['diagnose', '--json', path]);
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      const d = JSON.parse(r.stdout) as { incidents: Array<Record<string, unknown>> };
      expect(d.incidents.map((i) => [i['layer'], i['reason'], i['provider'], i['models']])).toEqual(
        [['provider', 'overloaded', name, [name]]],
      );
      const people = await runCli(['diagnose', path]);
      expect(people.code).toBe(0);
      expect(people.stdout).toContain(`where: ${name}`);
      const diagnosis = tmp.file(`diagnosis-${name}.json`, r.stdout);
      const lint = await runCli([
        'lint-update',
        'Elevated errors on some models.',
        '--diagnosis',
        diagnosis,
      ]);
      expect(lint.stderr).toBe('');
      expect(lint.code).toBe(1);
      expect(lint.stdout).toMatch(/Proposed rewrite/);
    },
  );

  it('does not take a prototype name for a command', async () => {
    for (const name of NAMES) {
      const r = await runCli([name]);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(new RegExp(`^faultline: unknown command "${name}"`));
      const help = await runCli(['help', name]);
      expect(help.code).toBe(0);
      expect(help.stdout).toMatch(/^Usage: faultline <command>/);
    }
  });
});
