// Generated SSE streams of each wire format with the output they carry, a reference SSE reader, and byte chunking.
import fc from 'fast-check';

/** One SSE event as sent: an optional `event:` name and its data. */
export interface SentEvent {
  readonly name?: string;
  readonly data: string;
}

/** A stream and what a correct interpreter must read from it. */
export interface FormatStream {
  readonly events: readonly SentEvent[];
  readonly text: string;
  readonly stopReason: string;
  readonly inputTokens: number;
  readonly outputTokens: number;
}

const pieces = fc.array(fc.string({ unit: 'binary', minLength: 1, maxLength: 12 }), {
  maxLength: 8,
});
const stop = fc.constantFrom('end_turn', 'max_tokens', 'stop', 'length', 'STOP', 'SAFETY');
const usage = fc.tuple(fc.nat(100_000), fc.nat(100_000));

function out(events: SentEvent[], text: string[], s: string, [i, o]: [number, number]) {
  return { events, text: text.join(''), stopReason: s, inputTokens: i, outputTokens: o };
}

const j = (name: string | undefined, value: unknown): SentEvent =>
  name === undefined ? { data: JSON.stringify(value) } : { name, data: JSON.stringify(value) };

/** Anthropic Messages: message_start … text deltas … message_delta, message_stop, with pings. */
export const anthropicStream: fc.Arbitrary<FormatStream> = fc
  .tuple(pieces, stop, usage)
  .map(([text, s, u]) =>
    out(
      [
        j('message_start', { type: 'message_start', message: { usage: { input_tokens: u[0] } } }),
        j('content_block_start', {
          type: 'content_block_start',
          index: 0,
          content_block: { type: 'text', text: '' },
        }),
        j('ping', { type: 'ping' }),
        ...text.map((t) =>
          j('content_block_delta', {
            type: 'content_block_delta',
            index: 0,
            delta: { type: 'text_delta', text: t },
          }),
        ),
        j('content_block_stop', { type: 'content_block_stop', index: 0 }),
        j('message_delta', {
          type: 'message_delta',
          delta: { stop_reason: s },
          usage: { output_tokens: u[1] },
        }),
        j('message_stop', { type: 'message_stop' }),
      ],
      text,
      s,
      u,
    ),
  );

/** OpenAI Chat Completions: delta chunks, a finish_reason, a usage chunk, then `[DONE]`. */
export const openaiStream: fc.Arbitrary<FormatStream> = fc
  .tuple(pieces, stop, usage)
  .map(([text, s, u]) =>
    out(
      [
        ...text.map((t) => j(undefined, { choices: [{ index: 0, delta: { content: t } }] })),
        j(undefined, { choices: [{ index: 0, delta: {}, finish_reason: s }] }),
        j(undefined, { choices: [], usage: { prompt_tokens: u[0], completion_tokens: u[1] } }),
        { data: '[DONE]' },
      ],
      text,
      s,
      u,
    ),
  );

/** Gemini streamGenerateContent?alt=sse: candidate parts, the last with finishReason and usage. */
export const geminiStream: fc.Arbitrary<FormatStream> = fc
  .tuple(pieces, stop, usage)
  .map(([text, s, u]) =>
    out(
      [
        ...text.map((t) => j(undefined, { candidates: [{ content: { parts: [{ text: t }] } }] })),
        j(undefined, {
          candidates: [{ content: { parts: [] }, finishReason: s }],
          usageMetadata: { promptTokenCount: u[0], candidatesTokenCount: u[1] },
        }),
      ],
      text,
      s,
      u,
    ),
  );

/** How a stream is written: its line break, a space after colons, comments and ignored fields. */
export const wireStyle = fc.record({
  eol: fc.constantFrom('\n', '\r\n', '\r'),
  space: fc.boolean(),
  comments: fc.boolean(),
  ids: fc.boolean(),
  bom: fc.boolean(),
});

export type WireStyle = typeof wireStyle extends fc.Arbitrary<infer S> ? S : never;

/** The stream's bytes as a server sends them. */
export function sseBytes(events: readonly SentEvent[], style: WireStyle): Uint8Array {
  const sp = style.space ? ' ' : '';
  const lines: string[] = [];
  events.forEach((e, i) => {
    if (style.comments) lines.push(': keep-alive');
    if (style.ids) lines.push(`id:${sp}${i}`, `retry:${sp}1000`);
    if (e.name !== undefined) lines.push(`event:${sp}${e.name}`);
    lines.push(`data:${sp}${e.data}`, '');
  });
  return new TextEncoder().encode(
    `${style.bom ? '\uFEFF' : ''}${lines.join(style.eol)}${style.eol}`,
  );
}

/**
 * Cuts `bytes` at byte positions (inside characters too) and puts empty chunks at some of the
 * cuts, as a reader may deliver them.
 */
export function chunked(
  bytes: Uint8Array,
  [cuts, empties, afterCr]: readonly [readonly number[], readonly number[], boolean],
): Uint8Array[] {
  // A CR whose LF comes in the next chunk is the case a decoder most easily gets wrong.
  const crs = afterCr ? [...bytes.keys()].filter((i) => bytes[i] === 13).map((i) => i + 1) : [];
  const at = [...new Set([...cuts.map((c) => c % (bytes.length + 1)), ...crs])].sort(
    (a, b) => a - b,
  );
  const out: Uint8Array[] = [];
  let from = 0;
  at.forEach((c, i) => {
    out.push(bytes.subarray(from, c));
    if (empties.includes(i) || crs.includes(c)) out.push(new Uint8Array(0));
    from = c;
  });
  out.push(bytes.subarray(from));
  return out;
}

/** Cut positions, which cuts get an empty chunk, and whether to cut (and add one) after each CR. */
export const cutsArb = fc.tuple(
  fc.array(fc.nat(), { maxLength: 16 }),
  fc.array(fc.nat(16), { maxLength: 4 }),
  fc.boolean(),
);

/**
 * WHATWG HTML §9.2.6 event stream interpretation, written plainly from the spec, with the one
 * documented difference of `SseDecoder`: an event left without its blank line at the end is
 * still delivered.
 */
export function referenceEvents(bytes: Uint8Array): Array<[string, string]> {
  const lines = new TextDecoder('utf-8').decode(bytes).split(/\r\n|\r|\n/);
  const tail = lines.pop() ?? '';
  if (tail !== '') lines.push(tail);
  lines.push('');
  const events: Array<[string, string]> = [];
  let event = '';
  let data: string[] = [];
  for (const line of lines) {
    if (line === '') {
      if (data.length > 0) events.push([event || 'message', data.join('\n')]);
      event = '';
      data = [];
      continue;
    }
    if (line.startsWith(':')) continue;
    const colon = line.indexOf(':');
    const field = colon === -1 ? line : line.slice(0, colon);
    let value = colon === -1 ? '' : line.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    if (field === 'event') event = value;
    else if (field === 'data') data.push(value);
  }
  return events;
}
