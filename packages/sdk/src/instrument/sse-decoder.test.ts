import { describe, expect, it } from 'vitest';
import { MAX_SSE_EVENT_CHARS, MAX_SSE_LINE_CHARS, SseDecoder } from './sse-decoder.js';

function decode(chunks: string[]): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  const d = new SseDecoder((name, data) => out.push([name, data]));
  const enc = new TextEncoder();
  for (const c of chunks) d.push(enc.encode(c));
  d.end();
  return out;
}

describe('SseDecoder', () => {
  it('reads named events and default message events', () => {
    expect(decode(['event: message_start\ndata: {"a":1}\n\ndata: [DONE]\n\n'])).toEqual([
      ['message_start', '{"a":1}'],
      ['message', '[DONE]'],
    ]);
  });

  it('handles CRLF, CR, comments and multi-line data', () => {
    expect(decode([': ping\r\ndata: a\r\ndata: b\r\n\r\n', 'data: c\r\rdata: d\n\n'])).toEqual([
      ['message', 'a\nb'],
      ['message', 'c'],
      ['message', 'd'],
    ]);
  });

  it('joins events split at any byte, including inside UTF-8 characters and CRLF', () => {
    const text = 'event: e\r\ndata: {"t":"héllo 世界"}\r\n\r\n';
    const bytes = new TextEncoder().encode(text);
    const out: Array<[string, string]> = [];
    const d = new SseDecoder((n, data) => out.push([n, data]));
    for (let i = 0; i < bytes.length; i++) d.push(bytes.subarray(i, i + 1));
    d.end();
    expect(out).toEqual([['e', '{"t":"héllo 世界"}']]);
  });

  it('delivers a last event that lost its blank line when the stream ended', () => {
    expect(decode(['data: {"x":1}'])).toEqual([['message', '{"x":1}']]);
  });
});

describe('SseDecoder bounds', () => {
  it('stops at a line longer than the cap, built from many small chunks, and reports it once', () => {
    const out: string[] = [];
    let overflows = 0;
    const d = new SseDecoder(
      (_n, data) => out.push(data),
      () => overflows++,
    );
    d.push(new TextEncoder().encode('data: first\n\ndata: '));
    const piece = new Uint8Array(64 * 1024).fill(120); // 'x', no line break
    for (let sent = 0; sent <= MAX_SSE_LINE_CHARS; sent += piece.length) d.push(piece);
    expect(d.overflowed).toBe(true);
    d.push(new TextEncoder().encode('\n\ndata: after\n\n'));
    d.end();
    expect(out).toEqual(['first']);
    expect(overflows).toBe(1);
  });

  it('stops at endless data lines that never end their event', () => {
    let overflowed = false;
    const d = new SseDecoder(
      () => undefined,
      () => (overflowed = true),
    );
    const line = new TextEncoder().encode(`data: ${'y'.repeat(1000)}\n`);
    for (let sent = 0; sent <= MAX_SSE_EVENT_CHARS && !overflowed; sent += 1000) d.push(line);
    expect(overflowed).toBe(true);
  });

  it('keeps a CRLF split across chunks as one line break', () => {
    expect(decode(['data: a\r', '\ndata: b\r', '\n\r', '\n'])).toEqual([['message', 'a\nb']]);
  });
});
