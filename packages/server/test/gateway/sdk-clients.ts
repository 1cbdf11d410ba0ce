// The three official SDKs, each making one call and reporting what its caller saw: the text, or
// the error (class, status, message), plus the gateway's x-faultline-* headers when there were any.
import Anthropic from '@anthropic-ai/sdk';
import { GoogleGenAI } from '@google/genai';
import OpenAI from 'openai';
import type { Api } from './gateway-rig.js';

export const PROMPT = 'PROMPT-TEXT-never-in-a-record';
export const KEY = 'sk-test-KEY-never-in-a-record-0123456789';

/** What the caller saw. */
export type Outcome =
  | { readonly ok: true; readonly text: string }
  | {
      readonly ok: false;
      readonly error: string;
      readonly status: unknown;
      readonly message: string;
    };

export interface Seen {
  readonly outcome: Outcome;
  readonly target: string | null;
  readonly attempts: string | null;
}

/** One call through `baseUrl` (the SDK's base URL) with the SDK of `api`. */
export async function callSdk(api: Api, baseUrl: string, stream: boolean): Promise<Seen> {
  let headers: Headers | undefined;
  // The Stainless SDKs take a fetch: it only notes the answer's headers.
  const fetch: typeof globalThis.fetch = async (input, init) => {
    const res = await globalThis.fetch(input, init);
    headers = res.headers;
    return res;
  };
  let text = '';
  try {
    if (api === 'anthropic') {
      const client = new Anthropic({ apiKey: KEY, baseURL: baseUrl, maxRetries: 0, fetch });
      const params = {
        model: 'claude-haiku-4-5',
        max_tokens: 200,
        messages: [{ role: 'user' as const, content: PROMPT }],
      };
      if (stream) {
        for await (const e of await client.messages.create({ ...params, stream: true }))
          if (e.type === 'content_block_delta' && e.delta.type === 'text_delta')
            text += e.delta.text;
      } else {
        const m = await client.messages.create(params);
        text = m.content.map((b) => (b.type === 'text' ? b.text : '')).join('');
      }
    } else if (api === 'openai') {
      const client = new OpenAI({ apiKey: KEY, baseURL: baseUrl, maxRetries: 0, fetch });
      const params = { model: 'gpt-5.1', messages: [{ role: 'user' as const, content: PROMPT }] };
      if (stream) {
        for await (const c of await client.chat.completions.create({ ...params, stream: true }))
          text += c.choices[0]?.delta.content ?? '';
      } else {
        text = (await client.chat.completions.create(params)).choices[0]?.message.content ?? '';
      }
    } else {
      const client = new GoogleGenAI({ apiKey: KEY, httpOptions: { baseUrl } });
      const params = { model: 'gemini-2.5-flash', contents: PROMPT };
      if (stream) {
        for await (const c of await client.models.generateContentStream(params)) {
          text += c.text ?? '';
          headers = toHeaders(c.sdkHttpResponse?.headers);
        }
      } else {
        const r = await client.models.generateContent(params);
        text = r.text ?? '';
        headers = toHeaders(r.sdkHttpResponse?.headers);
      }
    }
    return seen({ ok: true, text }, headers);
  } catch (e: unknown) {
    const err = e as { constructor: { name: string }; status?: unknown; message?: unknown };
    // Request ids are random per answer, not seeded: the rest of the message must match.
    const message = String(err.message).replace(/req_[A-Za-z0-9]+/g, 'req_…');
    return seen({ ok: false, error: err.constructor.name, status: err.status, message }, headers);
  }
}

function seen(outcome: Outcome, h: Headers | undefined): Seen {
  return {
    outcome,
    target: h?.get('x-faultline-target') ?? null,
    attempts: h?.get('x-faultline-attempts') ?? null,
  };
}

function toHeaders(h: Record<string, string> | undefined): Headers | undefined {
  return h === undefined ? undefined : new Headers(h);
}
