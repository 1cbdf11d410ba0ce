import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable, Writable } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { createEngine } from '@faultline/core';
import { BufferedWriter } from '../../io/buffered-writer.js';
import { BadLines } from '../bad-lines.js';
import { replayInput } from './replay-input.js';

const dir = mkdtempSync(join(tmpdir(), 'faultline-replay-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const call = (minute: number) =>
  JSON.stringify({
    ts: `2026-11-18T13:${String(minute).padStart(2, '0')}:00Z`,
    provider: 'openai',
    model: 'gpt-5.1',
    http_status: 200,
  });

/** Runs `replayInput` on `path`, calling `onStderr` with what it writes to stderr. */
async function replay(path: string, onStderr: (text: string) => void) {
  const stderr = new Writable({
    write(chunk: Buffer, _enc, done) {
      onStderr(chunk.toString());
      done();
    },
  });
  const errors = new BufferedWriter(stderr);
  const bad = new BadLines(errors, 1 << 20);
  return replayInput(
    { source: path, stdin: Readable.from([]), rereadable: true, totalBytes: undefined },
    {
      maxLineBytes: 1 << 20,
      maxSortBytes: 1 << 20,
      bad,
      errors,
      stderr: stderr as unknown as NodeJS.WriteStream,
      newEngine: () => createEngine(),
    },
  );
}

describe('replayInput', () => {
  // A bad first line, 40 records a minute apart, then one from 30 minutes earlier: late.
  const lines = ['not json', ...Array.from({ length: 40 }, (_, i) => call(i + 10)), call(5)];

  it('sorts a file with a late record, reporting each bad line once', async () => {
    const path = join(dir, 'late.jsonl');
    writeFileSync(path, lines.join('\n'));
    let stderr = '';
    const r = await replay(path, (t) => (stderr += t));
    expect(r).toMatchObject({ ok: true, records: 41, sorted: 41, lateLine: 42 });
    expect(stderr.match(/^line 1: json/gm)).toHaveLength(1);
  });

  it('refuses a file that changed before it was read again', async () => {
    const path = join(dir, 'changing.jsonl');
    writeFileSync(path, lines.join('\n'));
    // The bad line's report is written after the first read: the file shrinks then.
    const r = await replay(path, () => writeFileSync(path, lines.slice(0, 10).join('\n')));
    expect(r.ok).toBe(false);
    expect(r.ok ? '' : r.message).toMatch(
      /changed while it was read \(40 records before line 42 the first time, 9 the second\)/,
    );
  });
});
