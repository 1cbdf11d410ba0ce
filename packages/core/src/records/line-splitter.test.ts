import { describe, expect, it } from 'vitest';
import { LineSplitter } from './line-splitter.js';
import { utf8Length } from './utf8-length.js';

function split(chunks: string[]): Array<[string, number]> {
  const out: Array<[string, number]> = [];
  const s = new LineSplitter((line, n) => out.push([line, n]));
  for (const c of chunks) s.push(c);
  s.end();
  return out;
}

describe('LineSplitter', () => {
  it('splits LF and CRLF and numbers lines from 1', () => {
    expect(split(['a\nb\r\nc'])).toEqual([
      ['a', 1],
      ['b', 2],
      ['c', 3],
    ]);
  });

  it('joins lines broken across chunks, including a CR at a chunk edge', () => {
    expect(split(['{"a"', ':1}\r', '\n{"b":2}\n'])).toEqual([
      ['{"a":1}', 1],
      ['{"b":2}', 2],
    ]);
  });

  it('keeps empty lines so line numbers match the file', () => {
    expect(split(['a\n\nb\n'])).toEqual([
      ['a', 1],
      ['', 2],
      ['b', 3],
    ]);
  });

  it('drops a byte order mark at the start of any line, as `cat a b` puts one mid-stream', () => {
    expect(split(['\uFEFF{"a":1}\n\uFEFFx\r\n', '\uFEFF', 'y\nz\uFEFF'])).toEqual([
      ['{"a":1}', 1],
      ['x', 2],
      ['y', 3],
      ['z\uFEFF', 4],
    ]);
  });

  it('handles input with no newline at the end and empty input', () => {
    expect(split(['x'])).toEqual([['x', 1]]);
    expect(split([])).toEqual([]);
  });
});

/** Splits with a cap; too-long lines come out as ['<too long>', n]. */
function splitCapped(chunks: string[], maxLineBytes: number): Array<[string, number]> {
  const out: Array<[string, number]> = [];
  const s = new LineSplitter((line, n) => out.push([line, n]), {
    maxLineBytes,
    onTooLong: (n) => out.push(['<too long>', n]),
  });
  for (const c of chunks) s.push(c);
  s.end();
  return out;
}

describe('LineSplitter line cap', () => {
  it('passes a line of exactly the cap in UTF-8 bytes and reports one byte more', () => {
    // "é" is 2 bytes, "€" 3, "😀" 4 (a surrogate pair).
    expect(splitCapped(['ab\n', 'é€😀\n', 'é€😀x\n', 'ok'], 9)).toEqual([
      ['ab', 1],
      ['é€😀', 2],
      ['<too long>', 3],
      ['ok', 4],
    ]);
    expect(splitCapped(['aaaa\r\naaaaa\r\n'], 4)).toEqual([
      ['aaaa', 1],
      ['<too long>', 2],
    ]);
  });

  it('reports an over-long line as soon as it passes the cap, keeps none of it, and goes on', () => {
    const out: Array<[string, number]> = [];
    const s = new LineSplitter((line, n) => out.push([line, n]), {
      maxLineBytes: 10,
      onTooLong: (n) => out.push(['<too long>', n]),
    });
    s.push('{"a":1}\n0123456789');
    expect(s.skipping).toBe(false);
    s.push('abc');
    expect(out).toEqual([
      ['{"a":1}', 1],
      ['<too long>', 2],
    ]);
    expect(s.skipping).toBe(true);
    for (let i = 0; i < 1000; i++) s.push('x'.repeat(1000));
    s.push('tail\n{"b":2}\nlast');
    s.end();
    expect(out).toEqual([
      ['{"a":1}', 1],
      ['<too long>', 2],
      ['{"b":2}', 3],
      ['last', 4],
    ]);
    expect(s.lineCount).toBe(4);
  });

  it('reports an over-long last line that has no newline', () => {
    expect(splitCapped(['abc', 'defgh'], 4)).toEqual([['<too long>', 1]]);
    expect(splitCapped(['ab', '€€'], 4)).toEqual([['<too long>', 1]]);
  });
});

describe('utf8Length', () => {
  it.each([
    ['', 0],
    ['ascii', 5],
    ['é', 2],
    ['€', 3],
    ['😀', 4],
    ['\ud800x', 4],
    ['x\udc00', 4],
  ])('counts %j as %i bytes, as TextEncoder writes it', (text, bytes) => {
    expect(utf8Length(text)).toBe(bytes);
    expect(new TextEncoder().encode(text).length).toBe(bytes);
  });
});
