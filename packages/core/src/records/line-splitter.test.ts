import { describe, expect, it } from 'vitest';
import { LineSplitter } from './line-splitter.js';

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

  it('drops a byte order mark before the first line only', () => {
    expect(split(['\uFEFF{"a":1}\n\uFEFFx'])).toEqual([
      ['{"a":1}', 1],
      ['\uFEFFx', 2],
    ]);
  });

  it('handles input with no newline at the end and empty input', () => {
    expect(split(['x'])).toEqual([['x', 1]]);
    expect(split([])).toEqual([]);
  });
});
