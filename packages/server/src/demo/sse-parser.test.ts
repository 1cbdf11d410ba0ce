import { describe, expect, it } from 'vitest';
import { SseParser, type SseEvent } from './sse-parser.js';

/** Feeds `chunks` in order; returns every event. */
function parse(chunks: readonly string[]): SseEvent[] {
  const parser = new SseParser();
  return chunks.flatMap((c) => parser.push(c));
}

const OPENED = { type: 'incident.opened', data: '{"id":"a"}', id: '7' };

describe('SseParser', () => {
  it.each<[string, string[], SseEvent[]]>([
    ['one frame', ['id: 7\nevent: incident.opened\ndata: {"id":"a"}\n\n'], [OPENED]],
    [
      'a frame split mid-line',
      ['id: 7\nevent: incident.op', 'ened\ndata: {"id"', ':"a"}\n', '\n'],
      [OPENED],
    ],
    [
      'CRLF line ends split between CR and LF',
      ['id: 7\r', '\nevent: incident.opened\r\ndata: {"id":"a"}\r', '\n\r\n'],
      [OPENED],
    ],
    ['CR line ends', ['id: 7\revent: incident.opened\rdata: {"id":"a"}\r\r'], [OPENED]],
    ['comments and keep-alives ignored', [': faultline events\n\n: keep-alive\n\n'], []],
    ['no space after the colon', ['id:7\nevent:incident.opened\ndata:{"id":"a"}\n\n'], [OPENED]],
    [
      'several data lines joined by newlines',
      ['data: a\ndata: b\n\n'],
      [{ type: 'message', data: 'a\nb', id: '' }],
    ],
    ['an event without data dropped', ['event: x\n\n'], []],
    ['no event yet without the blank line', ['data: a\n'], []],
  ])('parses %s', (_what, chunks, expected) => {
    expect(parse(chunks)).toEqual(expected);
  });

  it('carries the last id over to events without one', () => {
    expect(parse(['id: 3\ndata: a\n\ndata: b\n\n']).map((e) => e.id)).toEqual(['3', '3']);
  });
});
