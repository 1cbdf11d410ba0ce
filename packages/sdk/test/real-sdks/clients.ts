// Drives the official SDKs the same way with or without instrumentFetch, and normalizes outcomes.
import Anthropic from '@anthropic-ai/sdk';
import { GoogleGenAI } from '@google/genai';
import OpenAI from 'openai';

export const SDKS = ['anthropic', 'openai', 'google'] as const;
export type SdkName = (typeof SDKS)[number];

export const MODELS: Record<SdkName, string> = {
  anthropic: 'claude-opus-4-7',
  openai: 'gpt-5.1',
  google: 'gemini-2.5-pro',
};

export interface CallOptions {
  stream: boolean;
  json?: boolean;
  maxTokens?: number;
  timeoutMs?: number;
  signal?: AbortSignal;
  maxRetries?: number;
}

/** What the caller saw: a value (normalized) or an error (class, status, message). */
export type Outcome =
  | { ok: true; value: unknown }
  | { ok: false; errorClass: string; status: number | undefined; message: string };

type Fetch = typeof globalThis.fetch;

/** Makes one call with one SDK; `fetch` undefined means the SDK's own default. */
export async function call(
  sdk: SdkName,
  baseUrl: string,
  fetch: Fetch | undefined,
  o: CallOptions,
): Promise<Outcome> {
  try {
    return { ok: true, value: normalize(await CALLERS[sdk](baseUrl, fetch, o)) };
  } catch (e: unknown) {
    const err = e as { constructor: { name: string }; status?: unknown; message?: unknown };
    return {
      ok: false,
      errorClass: err.constructor.name,
      status: typeof err.status === 'number' ? err.status : undefined,
      message: normalize(String(err.message)) as string,
    };
  }
}

const PROMPT = 'Say something about fault lines.';

const CALLERS: Record<
  SdkName,
  (baseUrl: string, fetch: Fetch | undefined, o: CallOptions) => Promise<unknown>
> = {
  async anthropic(baseUrl, fetch, o) {
    const client = new Anthropic({
      apiKey: 'sk-ant-test',
      baseURL: baseUrl,
      maxRetries: o.maxRetries ?? 0,
      ...(fetch ? { fetch } : {}),
      ...(o.timeoutMs ? { timeout: o.timeoutMs } : {}),
    });
    const params = {
      model: MODELS.anthropic,
      max_tokens: o.maxTokens ?? 256,
      messages: [{ role: 'user' as const, content: PROMPT }],
      ...(o.json
        ? { output_config: { format: { type: 'json_schema', schema: { type: 'object' } } } }
        : {}),
    };
    const opts = o.signal ? { signal: o.signal } : {};
    if (!o.stream)
      return client.messages.create(params as Anthropic.MessageCreateParamsNonStreaming, opts);
    const events: unknown[] = [];
    for await (const ev of await client.messages.create(
      { ...params, stream: true } as Anthropic.MessageCreateParamsStreaming,
      opts,
    ))
      events.push(ev);
    return events;
  },
  async openai(baseUrl, fetch, o) {
    const client = new OpenAI({
      apiKey: 'sk-test',
      baseURL: `${baseUrl}/v1`,
      maxRetries: o.maxRetries ?? 0,
      ...(fetch ? { fetch } : {}),
      ...(o.timeoutMs ? { timeout: o.timeoutMs } : {}),
    });
    const params = {
      model: MODELS.openai,
      max_tokens: o.maxTokens ?? 256,
      messages: [{ role: 'user' as const, content: PROMPT }],
      ...(o.json ? { response_format: { type: 'json_object' as const } } : {}),
    };
    const opts = o.signal ? { signal: o.signal } : {};
    if (!o.stream) return client.chat.completions.create(params, opts);
    const events: unknown[] = [];
    const stream = await client.chat.completions.create(
      { ...params, stream: true, stream_options: { include_usage: true } },
      opts,
    );
    for await (const chunk of stream) events.push(chunk);
    return events;
  },
  async google(baseUrl, fetch, o) {
    const ai = new GoogleGenAI({
      apiKey: 'AIza-test-key-000000000',
      httpOptions: {
        baseUrl,
        ...(fetch ? { fetch } : {}),
        ...(o.timeoutMs ? { timeout: o.timeoutMs } : {}),
      },
    });
    const config = {
      maxOutputTokens: o.maxTokens ?? 256,
      ...(o.json ? { responseMimeType: 'application/json' } : {}),
      ...(o.signal ? { abortSignal: o.signal } : {}),
    };
    const req = { model: MODELS.google, contents: PROMPT, config };
    if (!o.stream) {
      const r = await ai.models.generateContent(req);
      return { text: r.text, candidates: r.candidates, usage: r.usageMetadata };
    }
    const events: unknown[] = [];
    for await (const chunk of await ai.models.generateContentStream(req))
      events.push({ text: chunk.text, candidates: chunk.candidates });
    return events;
  },
};

/** Drops what differs between two runs of the same call: ids, timestamps, request ids. */
function normalize(v: unknown): unknown {
  const text = JSON.stringify(v ?? null)
    .replace(/(req|msg|chatcmpl|resp)_?-?[A-Za-z0-9]{6,}/g, '$1_ID')
    .replace(
      /"(created|createTime|responseId|id|_request_id|request_id)":("[^"]*"|\d+)/g,
      '"$1":"X"',
    );
  return JSON.parse(text) as unknown;
}
