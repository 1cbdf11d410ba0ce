// Output faults: empty, truncate, refusal, malformed_json, garbled — JSON and streamed.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startFakeProvider, type FakeProvider, type Provider } from '../src/index.js';
import { PROVIDER_LIST, bodyText, dig, parseSse, post, requestFor, streamText } from './helpers.js';

let provider: FakeProvider;
beforeAll(async () => {
  provider = await startFakeProvider();
});
afterEach(() => provider.clearFaults());
afterAll(() => provider.close());

async function json(p: Provider, opts: { json?: boolean } = {}): Promise<unknown> {
  const { path, body } = requestFor(p, opts);
  return (await post(provider.url, path, body)).json();
}

async function streamed(p: Provider, opts: { json?: boolean } = {}): Promise<string> {
  const { path, body } = requestFor(p, { ...opts, stream: true });
  return streamText(p, parseSse(await (await post(provider.url, path, body)).text()));
}

/** Stop reason and output-token count of a JSON body. */
function finish(p: Provider, b: unknown): [unknown, unknown] {
  if (p === 'anthropic') return [dig(b, 'stop_reason'), dig(b, 'usage', 'output_tokens')];
  if (p === 'openai') {
    return [dig(b, 'choices', 0, 'finish_reason'), dig(b, 'usage', 'completion_tokens')];
  }
  return [
    dig(b, 'candidates', 0, 'finishReason'),
    dig(b, 'usageMetadata', 'candidatesTokenCount') ?? 0,
  ];
}

describe('empty', () => {
  it('answers Anthropic content [] with end_turn and 0 output tokens', async () => {
    provider.addFaults({ fault: { kind: 'empty' } });
    const b = await json('anthropic');
    expect(dig(b, 'content')).toEqual([]);
    expect(finish('anthropic', b)).toEqual(['end_turn', 0]);
    const { path, body } = requestFor('anthropic', { stream: true });
    const events = parseSse(await (await post(provider.url, path, body)).text());
    expect(events.map((e) => e.event)).toEqual([
      'message_start',
      'ping',
      'message_delta',
      'message_stop',
    ]);
  });

  it('answers OpenAI content "" with finish_reason stop', async () => {
    provider.addFaults({ fault: { kind: 'empty' } });
    const b = await json('openai');
    expect(bodyText('openai', b)).toBe('');
    expect(finish('openai', b)).toEqual(['stop', 0]);
    expect(await streamed('openai')).toBe('');
  });

  it('answers a Gemini candidate with empty parts and STOP', async () => {
    provider.addFaults({ fault: { kind: 'empty' } });
    const b = await json('google');
    expect(dig(b, 'candidates', 0)).toMatchObject({
      content: { parts: [], role: 'model' },
      finishReason: 'STOP',
    });
    expect(await streamed('google')).toBe('');
  });
});

describe('truncate', () => {
  it.each([
    ['anthropic', 'max_tokens'],
    ['openai', 'length'],
    ['google', 'MAX_TOKENS'],
  ] as const)('stops %s early with %s', async (p, reason) => {
    provider.addFaults({ fault: { kind: 'truncate', afterTokens: 3 } });
    expect(finish(p, await json(p))).toEqual([reason, 3]);
    expect((await streamed(p)).split(' ')).toHaveLength(4);
  });

  it('cuts at half the natural length without afterTokens', async () => {
    const natural = Number(finish('openai', await json('openai'))[1]);
    provider.addFaults({ fault: { kind: 'truncate' } });
    expect(finish('openai', await json('openai'))).toEqual(['length', Math.floor(natural / 2)]);
  });
});

describe('refusal', () => {
  it('answers Anthropic stop_reason refusal with no text', async () => {
    provider.addFaults({ fault: { kind: 'refusal' } });
    const b = await json('anthropic');
    expect(dig(b, 'content')).toEqual([]);
    expect(dig(b, 'stop_reason')).toBe('refusal');
    expect(await streamed('anthropic')).toBe('');
  });

  it('answers OpenAI message.refusal with null content, and delta.refusal when streaming', async () => {
    provider.addFaults({ fault: { kind: 'refusal' } });
    const b = await json('openai');
    expect(dig(b, 'choices', 0, 'message', 'content')).toBeNull();
    expect(dig(b, 'choices', 0, 'message', 'refusal')).toMatch(/sorry/);
    expect(dig(b, 'choices', 0, 'finish_reason')).toBe('stop');
    const { path, body } = requestFor('openai', { stream: true });
    const events = parseSse(await (await post(provider.url, path, body)).text());
    const refusal = events
      .filter((e) => e.data !== '[DONE]')
      .map((e) => dig(JSON.parse(e.data), 'choices', 0, 'delta', 'refusal'))
      .filter((r) => typeof r === 'string')
      .join('');
    expect(refusal).toBe(dig(b, 'choices', 0, 'message', 'refusal'));
  });

  it('answers Gemini finishReason SAFETY with no parts', async () => {
    provider.addFaults({ fault: { kind: 'refusal' } });
    const b = await json('google');
    expect(dig(b, 'candidates', 0, 'finishReason')).toBe('SAFETY');
    expect(dig(b, 'candidates', 0, 'content')).toBeUndefined();
  });
});

describe('malformed_json and garbled', () => {
  it.each(PROVIDER_LIST)('%s asked for JSON gets text that is not valid JSON', async (p) => {
    provider.addFaults({ fault: { kind: 'malformed_json' } });
    const text = bodyText(p, await json(p, { json: true }));
    expect(text).toContain('"answer"');
    expect(() => JSON.parse(text) as unknown).toThrow(SyntaxError);
    const s = await streamed(p, { json: true });
    expect(() => JSON.parse(s) as unknown).toThrow(SyntaxError);
  });

  it.each(PROVIDER_LIST)('%s gets words with Thai or CJK characters mixed in', async (p) => {
    provider.addFaults({ fault: { kind: 'garbled' } });
    const text = bodyText(p, await json(p));
    expect(text).toMatch(/[\u0E00-\u0E7F\u4E00-\u9FFF]/);
    expect(text).toMatch(/[a-z]/);
    expect(await streamed(p)).toMatch(/[\u0E00-\u0E7F\u4E00-\u9FFF]/);
  });
});
