import { Readable, Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { COMMANDS, main } from './main.js';

function run(argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const text = { stdout: '', stderr: '' };
  const sink = (key: 'stdout' | 'stderr') =>
    new Writable({
      write(chunk: Buffer | string, _encoding, done) {
        text[key] += String(chunk);
        done();
      },
    }) as unknown as NodeJS.WriteStream;
  const io = { stdin: Readable.from([]), stdout: sink('stdout'), stderr: sink('stderr') };
  return main(argv, io).then((code) => ({ code, ...text }));
}

describe('the faultline dispatcher', () => {
  it('lists each command with the summary its own declaration gives', async () => {
    for (const [name, entry] of COMMANDS) {
      const command = await entry.load();
      expect({ name: command.name, summary: command.summary }).toEqual({
        name,
        summary: entry.summary,
      });
      expect(command.help).toMatch(new RegExp(`^Usage: faultline ${name}`));
    }
  });

  it.each([...COMMANDS.keys()])(
    'makes an unknown option of %s a usage error: exit 2, the flag named, then the help',
    async (name) => {
      const r = await run([name, '--no-such-flag']);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(
        new RegExp(
          `^faultline ${name}: Unknown option '--no-such-flag'\\n\\nUsage: faultline ${name}`,
        ),
      );
      expect(r.stdout).toBe('');
    },
  );

  it('prints a command help the same way for "help NAME" and "NAME --help"', async () => {
    for (const name of COMMANDS.keys()) {
      const a = await run(['help', name]);
      const b = await run([name, '--help']);
      expect(a).toEqual({ code: 0, stdout: b.stdout, stderr: '' });
    }
  });
});
