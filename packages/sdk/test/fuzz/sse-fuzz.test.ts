// Fuzzed SSE reading: any chunking of a stream gives what one chunk gives, and arbitrary bytes never throw.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { anthropicInterpreter } from '../../src/instrument/interpreters/anthropic.js';
import { geminiInterpreter } from '../../src/instrument/interpreters/gemini.js';
import { openaiInterpreter } from '../../src/instrument/interpreters/openai.js';
import type { Interpreter, OutputState } from '../../src/instrument/interpreters/index.js';
import { usageOnlyInterpreter } from '../../src/instrument/interpreters/usage-only.js';
import { SseDecoder } from '../../src/instrument/sse-decoder.js';
import { fuzzParams } from './fuzz-params.js';
import {
  anthropicStream,
  chunked,
  cutsArb,
  geminiStream,
  openaiStream,
  referenceEvents,
  sseBytes,
  wireStyle,
} from './sse-streams.js';

function decode(chunks: readonly Uint8Array[]): Array<[string, string]> {
  const events: Array<[string, string]> = [];
  const decoder = new SseDecoder((name, data) => events.push([name, data]));
  for (const c of chunks) decoder.push(c);
  decoder.end();
  return events;
}

/** The interpreter's state after reading `chunks` through the decoder, as the SDK's tap does. */
function interpret(make: () => Interpreter, chunks: readonly Uint8Array[]): OutputState {
  const interpreter = make();
  const decoder = new SseDecoder((name, data) => interpreter.event(name, data));
  for (const c of chunks) decoder.push(c);
  decoder.end();
  return interpreter.state;
}

const FORMATS = [
  ['anthropic', anthropicInterpreter, anthropicStream],
  ['openai', openaiInterpreter, openaiStream],
  ['gemini', geminiInterpreter, geminiStream],
] as const;

const INTERPRETERS = [
  anthropicInterpreter,
  openaiInterpreter,
  geminiInterpreter,
  usageOnlyInterpreter,
];

/** Bytes that look like SSE often enough to reach every branch: field names, breaks, a BOM. */
const sseLike = fc
  .array(
    fc.oneof(
      { weight: 4, arbitrary: fc.constantFrom('data: x', 'data:', 'data', 'event: e', ': c') },
      { weight: 4, arbitrary: fc.constantFrom('\n', '\r', '\r\n') },
      { weight: 1, arbitrary: fc.constantFrom('event', ':', ' ', '\uFEFF', 'é', '😀') },
      { weight: 1, arbitrary: fc.string({ maxLength: 6 }) },
    ),
    { maxLength: 40 },
  )
  .map((parts) => new TextEncoder().encode(parts.join('')));

describe('SSE decoder fuzz', () => {
  it('reads the events the spec reads, however the bytes are chunked', () => {
    fc.assert(
      fc.property(fc.oneof(sseLike, fc.uint8Array({ maxLength: 200 })), cutsArb, (bytes, cuts) => {
        const expected = referenceEvents(bytes);
        expect(decode([bytes])).toEqual(expected);
        expect(decode(chunked(bytes, cuts))).toEqual(expected);
      }),
      fuzzParams(1500, 1420),
    );
  });
});

describe.each(FORMATS)('%s stream fuzz', (_name, make, stream) => {
  it('reads the same output from any chunking as from one chunk, and the output that was sent', () => {
    fc.assert(
      fc.property(stream, wireStyle, cutsArb, (s, style, cuts) => {
        const bytes = sseBytes(s.events, style);
        const whole = interpret(make, [bytes]);
        expect(interpret(make, chunked(bytes, cuts))).toEqual(whole);
        expect(whole).toMatchObject({
          text: s.text,
          stopReason: s.stopReason,
          inputTokens: s.inputTokens,
          outputTokens: s.outputTokens,
          terminal: true,
          recognized: true,
          streamErrorType: undefined,
        });
      }),
      fuzzParams(400, 1421),
    );
  });
});

describe('interpreter fuzz', () => {
  it('never throws on arbitrary event names, data or JSON bodies', () => {
    const data = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 60 }),
      fc.json({ maxDepth: 4 }),
      fc.constant('[DONE]'),
    );
    const name = fc.oneof(
      fc.constantFrom(
        'message',
        'error',
        'message_start',
        'content_block_delta',
        'response.completed',
        'response.failed',
      ),
      fc.string({ maxLength: 10 }),
    );
    fc.assert(
      fc.property(
        fc.array(fc.tuple(name, data), { maxLength: 8 }),
        fc.jsonValue({ maxDepth: 5 }),
        fc.constantFrom(...INTERPRETERS),
        (events, body, make) => {
          const streamed = make();
          for (const [n, d] of events) streamed.event(n, d);
          make().json(body);
          expect(typeof streamed.state.text).toBe('string');
        },
      ),
      fuzzParams(1500, 1422),
    );
  });
});
