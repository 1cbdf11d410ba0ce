import { describe, expect, it } from 'vitest';
import { textDelta } from './anthropic-text-delta.js';

/** What parsing the whole event gives: the reference the fast path must agree with. */
function parsed(data: string): string | undefined {
  try {
    const d = JSON.parse(data) as { type?: unknown; delta?: { type?: unknown; text?: unknown } };
    return d.type === 'content_block_delta' && d.delta?.type === 'text_delta'
      ? (d.delta.text as string | undefined)
      : undefined;
  } catch {
    return undefined;
  }
}

const delta = (text: string, index = 0): string =>
  JSON.stringify({ type: 'content_block_delta', index, delta: { type: 'text_delta', text } });

describe('textDelta', () => {
  it.each([
    ['plain words', 'Hello there'],
    ['empty', ''],
    ['quotes and backslashes', 'say "hi" \\ back'],
    ['line breaks and tabs', 'one\ntwo\tthree\r'],
    ['control and separator characters', '\u0001\u2028\u2029'],
    ['non-ASCII', 'héllo 世界 😀'],
    ['text that looks like the layout', '"}},"x":"y'],
  ])('reads %s as JSON.parse does', (_name, text) => {
    const data = delta(text, 7);
    expect(textDelta(data)).toBe(text);
    expect(textDelta(data)).toBe(parsed(data));
  });

  it.each([
    [
      'an extra field after the text',
      '{"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"a","x":"b"}}',
    ],
    [
      'a leading zero in the index',
      '{"type":"content_block_delta","index":01,"delta":{"type":"text_delta","text":"a"}}',
    ],
    [
      'an invalid escape',
      '{"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"a\\q"}}',
    ],
    [
      'a raw line break',
      '{"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"a\nb"}}',
    ],
    [
      'spaces',
      '{"type": "content_block_delta","index":0,"delta":{"type":"text_delta","text":"a"}}',
    ],
    [
      'another delta',
      '{"type":"content_block_delta","index":0,"delta":{"type":"input_json_delta","partial_json":"{"}}',
    ],
  ])('leaves %s to JSON.parse', (_name, data) => {
    expect(textDelta(data)).toBeUndefined();
  });

  it('never disagrees with JSON.parse on mutated deltas', () => {
    const base = delta('a "b" \\ c\n');
    const chars = ['"', '\\', '}', ',', 'n', 'u', '0', ' ', '\n', 'x'];
    for (let i = 0; i < base.length; i++) {
      for (const c of chars) {
        const data = base.slice(0, i) + c + base.slice(i + 1);
        const fast = textDelta(data);
        if (fast !== undefined) expect(fast).toBe(parsed(data));
      }
    }
  });
});
