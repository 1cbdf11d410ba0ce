import { Readable, Writable } from 'node:stream';
import { isUsageError } from '@faultline/core';
import { describe, expect, it } from 'vitest';
import { defineCommand, type CliStreams, type CommandInput } from './define-command.js';

function streams(): { io: CliStreams; out: () => string } {
  let text = '';
  const stdout = new Writable({
    write(chunk: Buffer | string, _encoding, done) {
      text += String(chunk);
      done();
    },
  }) as unknown as NodeJS.WriteStream;
  return { io: { stdin: Readable.from([]), stdout, stderr: stdout }, out: () => text };
}

const OPTIONS = {
  json: { type: 'boolean', description: 'JSON out' },
  port: { type: 'string', value: 'N', description: 'port to listen on', default: '8787' },
  token: { type: 'string', value: 'TOKEN', description: 'a token', defaultHelp: '$TOKEN' },
  'a-rather-long-option-name': {
    type: 'string',
    value: 'VALUE',
    description: `a description long enough to need wrapping ${'word '.repeat(30)}end`,
  },
} as const;

/** A command that records what its run received. */
function probe() {
  const seen: Array<CommandInput<typeof OPTIONS>> = [];
  const command = defineCommand({
    name: 'probe',
    summary: 'a test command',
    usage: '[FILE]',
    description: 'Probes the command shape.',
    options: OPTIONS,
    positionals: { max: 1, tooMany: 'probe takes one FILE' },
    notes: 'A note after the options.',
    run: (input) => {
      seen.push(input);
      return Promise.resolve(7);
    },
  });
  return { command, seen };
}

async function usageMessage(args: string[]): Promise<string> {
  const { command } = probe();
  const e = await command.execute(args, streams().io).catch((err: unknown) => err);
  expect(isUsageError(e)).toBe(true);
  return (e as Error).message;
}

describe('defineCommand', () => {
  it('parses the declared options: flags false when absent, defaults, undefined without one', async () => {
    const { command, seen } = probe();
    expect(await command.execute(['f.jsonl'], streams().io)).toBe(7);
    expect(await command.execute(['--json', '--port', '1', '--token=t'], streams().io)).toBe(7);
    expect(seen.map((s) => ({ ...s.options }))).toEqual([
      { json: false, port: '8787' },
      { json: true, port: '1', token: 't' },
    ]);
    expect(seen.map((s) => s.positionals)).toEqual([['f.jsonl'], []]);
  });

  it.each([
    [['--jsn'], "Unknown option '--jsn'"],
    [['-x'], "Unknown option '-x'"],
    [['--port'], "option '--port' needs a value"],
    [['--json=yes'], "option '--json' takes no value"],
    [['a', 'b'], 'probe takes one FILE'],
  ])('refuses %j with a usage error naming it', async (args, message) => {
    expect(await usageMessage(args)).toContain(message);
  });

  it('prints the help made from the options for --help and -h, without running', async () => {
    for (const flag of ['--help', '-h']) {
      const { command, seen } = probe();
      const s = streams();
      expect(await command.execute(['a', 'b', flag], s.io)).toBe(0);
      expect(s.out()).toBe(command.help);
      expect(seen).toEqual([]);
    }
  });

  it('generates the usage line, each option with its default, the help flag and the notes', () => {
    const help = probe().command.help;
    expect(help).toMatch(
      /^Usage: faultline probe \[FILE\] \[--json\] \[--port N\] \[--token TOKEN\]\s+\[--a-rather-long-option-name VALUE\]\n\nProbes the command shape\.\n\nOptions:\n/,
    );
    expect(help).toMatch(/^ {2}--json {10}JSON out$/m);
    expect(help).toMatch(/^ {2}--port N {8}port to listen on \(default: 8787\)$/m);
    expect(help).toMatch(/^ {2}--token TOKEN {3}a token \(default: \$TOKEN\)$/m);
    expect(help).toMatch(/^ {2}-h, --help {6}show this help$/m);
    expect(help).toMatch(/\n\nA note after the options\.\n$/);
  });

  it('keeps every help line within 100 columns; a long option puts its words on the next lines', () => {
    const lines = probe().command.help.split('\n');
    expect(lines.filter((l) => l.length > 100)).toEqual([]);
    const at = lines.indexOf('  --a-rather-long-option-name VALUE');
    expect(at).toBeGreaterThan(0);
    expect(lines[at + 1]).toMatch(/^ {18}a description long enough/);
    expect(lines[at + 2]).toMatch(/^ {18}word/);
  });
});
