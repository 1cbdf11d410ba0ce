import { closeSync, mkdtempSync, openSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { openSource, readLines } from './read-lines.js';

async function linesOf(chunks: Buffer[], maxLineBytes?: number) {
  const lines: Array<[string, number]> = [];
  const result = await readLines(Readable.from(chunks), {
    onLine: (line, n) => lines.push([line, n]),
    onTooLong: (n) => lines.push(['<too long>', n]),
    ...(maxLineBytes === undefined ? {} : { maxLineBytes }),
  });
  return { lines, result };
}

describe('readLines', () => {
  it('decodes a multi-byte character split across reads whole', async () => {
    const bytes = Buffer.from('{"model":"日本語😀é"}\n{"x":"€"}\n');
    // Cut inside every character: each byte its own read.
    const chunks = [...bytes].map((b) => Buffer.from([b]));
    const { lines, result } = await linesOf(chunks);
    expect(lines).toEqual([
      ['{"model":"日本語😀é"}', 1],
      ['{"x":"€"}', 2],
    ]);
    expect(result).toEqual({ lines: 2 });
  });

  it('drops a byte order mark at the start of each concatenated file', async () => {
    const bom = Buffer.from([0xef, 0xbb, 0xbf]);
    const a = Buffer.concat([bom, Buffer.from('{"a":1}\n')]);
    const b = Buffer.concat([bom, Buffer.from('{"b":2}\n')]);
    const both = Buffer.concat([a, b]);
    const { lines } = await linesOf([both.subarray(0, 9), both.subarray(9, 12), both.subarray(12)]);
    expect(lines).toEqual([
      ['{"a":1}', 1],
      ['{"b":2}', 2],
    ]);
  });

  it('skips an over-long line to its newline and reads on, a character split at the edge too', async () => {
    const long = Buffer.from('x'.repeat(5000) + '€\n{"after":"é"}\n');
    const chunks = [];
    for (let i = 0; i < long.length; i += 997) chunks.push(long.subarray(i, i + 997));
    const { lines, result } = await linesOf(chunks, 100);
    expect(lines).toEqual([
      ['<too long>', 1],
      ['{"after":"é"}', 2],
    ]);
    expect(result.stopped).toBeUndefined();
  });

  it('stops on an over-long line of NUL bytes, such as /dev/zero', async () => {
    const ok = Buffer.from('{"a":1}\n');
    const zeros = Array.from({ length: 50 }, () => Buffer.alloc(1000));
    const { lines, result } = await linesOf([ok, ...zeros], 2000);
    expect(lines).toEqual([
      ['{"a":1}', 1],
      ['<too long>', 2],
    ]);
    expect(result.stopped).toMatch(/line 2 is over 2000 bytes and holds NUL bytes/);
  });
});

describe('openSource', () => {
  it('refuses standard input that is a directory', () => {
    const dir = mkdtempSync(join(tmpdir(), 'faultline-dir-'));
    const fd = openSync(dir, 'r');
    try {
      const stdin = Object.assign(Readable.from([]), { fd });
      expect(() => openSource('-', stdin)).toThrow(
        expect.objectContaining({ code: 'EISDIR', path: 'standard input' }),
      );
    } finally {
      closeSync(fd);
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('readLines with stopAfterLine', () => {
  it('passes on no line after the last one asked for and stops reading there', async () => {
    let pulled = 0;
    function* chunks() {
      for (let i = 0; i < 100; i++) {
        pulled++;
        yield Buffer.from(`{"n":${2 * i + 1}}\n{"n":${2 * i + 2}}\n`);
      }
    }
    const lines: number[] = [];
    const result = await readLines(Readable.from(chunks()), {
      onLine: (_line, n) => lines.push(n),
      stopAfterLine: 5,
    });
    expect(lines).toEqual([1, 2, 3, 4, 5]);
    expect(result).toEqual({ lines: 5 });
    expect(pulled).toBeLessThan(10); // 3 wanted, plus what the stream read ahead
  });
});
