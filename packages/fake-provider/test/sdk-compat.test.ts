// The official SDKs, pointed at the fake with baseURL, parse its successes and errors as real ones.
import Anthropic from '@anthropic-ai/sdk';
import { ApiError, GoogleGenAI } from '@google/genai';
import OpenAI from 'openai';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startFakeProvider, type FakeProvider } from '../src/index.js';
import { causeCode, dig } from './helpers.js';

let fake: FakeProvider;
let anthropic: Anthropic;
let openai: OpenAI;
let gemini: GoogleGenAI;
beforeAll(async () => {
  fake = await startFakeProvider();
  anthropic = new Anthropic({ apiKey: 'test', baseURL: fake.url, maxRetries: 0 });
  openai = new OpenAI({ apiKey: 'test', baseURL: `${fake.url}/v1`, maxRetries: 0 });
  gemini = new GoogleGenAI({ apiKey: 'test', httpOptions: { baseUrl: fake.url } });
});
afterEach(() => fake.clearFaults());
afterAll(() => fake.close());

const claude = {
  model: 'claude-opus-4-7',
  max_tokens: 1024,
  messages: [{ role: 'user' as const, content: 'hi' }],
};
const gpt = { model: 'gpt-4o-mini', messages: [{ role: 'user' as const, content: 'hi' }] };
const flash = { model: 'gemini-2.5-flash', contents: 'hi' };

async function failure(run: () => Promise<unknown>): Promise<unknown> {
  try {
    await run();
  } catch (e: unknown) {
    return e;
  }
  throw new Error('expected a failure');
}

describe('@anthropic-ai/sdk', () => {
  it('parses a message and a streamed message', async () => {
    const msg = await anthropic.messages.create(claude);
    expect(msg.stop_reason).toBe('end_turn');
    expect(msg._request_id).toMatch(/^req_/);
    const final = await anthropic.messages.stream({ ...claude, max_tokens: 5 }).finalMessage();
    expect(final.stop_reason).toBe('max_tokens');
    expect(final.usage.output_tokens).toBe(5);
  });

  it('raises OverloadedError for overload and a status-less APIError for a stream error', async () => {
    fake.addFaults({ stream: false, fault: { kind: 'overload' } });
    const e = await failure(() => anthropic.messages.create(claude));
    expect(e).toBeInstanceOf(Anthropic.InternalServerError);
    expect(e).toMatchObject({ status: 529, type: 'overloaded_error' });
    expect(dig(e, 'requestID')).toMatch(/^req_/);
    fake.addFaults({ stream: true, fault: { kind: 'stream_error', afterTokens: 2 } });
    const s = await failure(() => anthropic.messages.stream(claude).finalMessage());
    expect(s).toBeInstanceOf(Anthropic.APIError);
    expect(s).toMatchObject({ status: undefined, type: 'overloaded_error' });
  });

  it('raises a connection error on reset and keeps the HTML body of an edge error', async () => {
    fake.addFaults({ fault: { kind: 'reset' } });
    expect(await failure(() => anthropic.messages.create(claude))).toBeInstanceOf(
      Anthropic.APIConnectionError,
    );
    fake.clearFaults();
    fake.addFaults({ fault: { kind: 'html', status: 502 } });
    const e = await failure(() => anthropic.messages.create(claude));
    expect(e).toMatchObject({ status: 502, requestID: null });
  });
});

describe('openai', () => {
  it('parses a completion and a stream with usage', async () => {
    const c = await openai.chat.completions.create({ ...gpt, max_tokens: 4 });
    expect(c.choices[0]?.finish_reason).toBe('length');
    expect(c._request_id).toMatch(/^req_/);
    const stream = await openai.chat.completions.create({
      ...gpt,
      stream: true,
      stream_options: { include_usage: true },
    });
    let text = '';
    let tokens = 0;
    for await (const chunk of stream) {
      text += chunk.choices[0]?.delta.content ?? '';
      tokens = chunk.usage?.completion_tokens ?? tokens;
    }
    expect(text.split(' ')).toHaveLength(tokens + 1);
  });

  it('collects a refusal through the stream helper', async () => {
    fake.addFaults({ fault: { kind: 'refusal' } });
    const final = await openai.chat.completions.stream(gpt).finalChatCompletion();
    expect(final.choices[0]?.message.content).toBeNull();
    expect(final.choices[0]?.message.refusal).toMatch(/sorry/);
  });

  it('raises RateLimitError with code and type, and APIError for a stream error', async () => {
    fake.addFaults({ stream: false, fault: { kind: 'status', status: 429 } });
    const e = await failure(() => openai.chat.completions.create(gpt));
    expect(e).toBeInstanceOf(OpenAI.RateLimitError);
    expect(e).toMatchObject({ code: 'rate_limit_exceeded', type: 'requests' });
    expect(dig(e, 'requestID')).toMatch(/^req_/);
    fake.addFaults({ stream: true, fault: { kind: 'stream_error', afterTokens: 1 } });
    const s = await failure(async () => {
      for await (const chunk of await openai.chat.completions.create({ ...gpt, stream: true }))
        void chunk;
    });
    expect(s).toBeInstanceOf(OpenAI.APIError);
    expect(s).toMatchObject({ status: undefined, type: 'server_error' });
  });

  it('surfaces a mid-stream drop as undici "terminated"', async () => {
    fake.addFaults({ fault: { kind: 'drop', afterTokens: 3 } });
    const e = await failure(async () => {
      for await (const chunk of await openai.chat.completions.create({ ...gpt, stream: true }))
        void chunk;
    });
    expect(e).toBeInstanceOf(TypeError);
    expect(causeCode(e)).toBe('UND_ERR_SOCKET');
  });
});

describe('@google/genai', () => {
  it('parses a response and a stream', async () => {
    const r = await gemini.models.generateContent({ ...flash, config: { maxOutputTokens: 3 } });
    expect(r.candidates?.[0]?.finishReason).toBe('MAX_TOKENS');
    expect(r.text?.split(' ')).toHaveLength(4);
    let text = '';
    for await (const chunk of await gemini.models.generateContentStream({
      ...flash,
      config: { responseMimeType: 'application/json' },
    })) {
      text += chunk.text ?? '';
    }
    expect(JSON.parse(text)).toHaveProperty('answer');
  });

  it('raises ApiError with the status for errors and for an error chunk mid-stream', async () => {
    fake.addFaults({ stream: false, fault: { kind: 'status', status: 429 } });
    const e = await failure(() => gemini.models.generateContent(flash));
    expect(e).toBeInstanceOf(ApiError);
    expect(e).toMatchObject({ status: 429 });
    expect(dig(e, 'message')).toContain('RESOURCE_EXHAUSTED');
    fake.addFaults({ stream: true, fault: { kind: 'stream_error', afterTokens: 2 } });
    const s = await failure(async () => {
      for await (const chunk of await gemini.models.generateContentStream(flash)) void chunk;
    });
    expect(s).toBeInstanceOf(ApiError);
    expect(s).toMatchObject({ status: 500 });
  });

  it('reports a safety block as finishReason SAFETY with no text', async () => {
    fake.addFaults({ fault: { kind: 'refusal' } });
    const r = await gemini.models.generateContent(flash);
    expect(r.candidates?.[0]?.finishReason).toBe('SAFETY');
    expect(r.text).toBeUndefined();
  });
});
