// Test helpers: raw HTTP calls to the fake and a small SSE reader.
import type { Provider } from '../src/index.js';

/** One server-sent event: its name (if any) and its data. */
export interface SseEvent {
  readonly event: string | undefined;
  readonly data: string;
}

/** POSTs `body` (an object, or a raw string sent as-is) as JSON. */
export function post(base: string, path: string, body: unknown): Promise<Response> {
  return fetch(base + path, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

/** Splits an SSE body into events (blank-line separated, LF or CRLF). */
export function parseSse(text: string): SseEvent[] {
  return text
    .split(/\r?\n\r?\n/)
    .filter((block) => block.trim() !== '')
    .map((block) => {
      let event: string | undefined;
      const data: string[] = [];
      for (const line of block.split(/\r?\n/)) {
        if (line.startsWith('event:')) event = line.slice(6).trim();
        else if (line.startsWith('data:')) data.push(line.slice(5).trimStart());
      }
      return { event, data: data.join('\n') };
    });
}

/** Reads a body until it ends or fails; returns what arrived and the failure, if any. */
export async function readUntilError(res: Response): Promise<{ text: string; error: unknown }> {
  const reader = res.body?.getReader();
  if (reader === undefined) return { text: '', error: undefined };
  const decoder = new TextDecoder();
  let text = '';
  try {
    for (;;) {
      const chunk = (await reader.read()) as { done: boolean; value?: Uint8Array };
      if (chunk.done) return { text, error: undefined };
      text += decoder.decode(chunk.value, { stream: true });
    }
  } catch (e: unknown) {
    return { text, error: e };
  }
}

/** The `code` of an error's cause chain (e.g. ECONNRESET, UND_ERR_SOCKET). */
export function causeCode(e: unknown): string | undefined {
  let current: unknown = e;
  for (let i = 0; i < 4 && typeof current === 'object' && current !== null; i++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string') return code;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

/** A minimal valid request for each provider: path and body. */
export function requestFor(
  provider: Provider,
  opts: {
    stream?: boolean;
    maxTokens?: number;
    json?: boolean;
    model?: string;
    prompt?: string;
  } = {},
): { path: string; body: Record<string, unknown> } {
  const prompt = opts.prompt ?? 'Tell me about the weather on the coast today.';
  const stream = opts.stream ?? false;
  switch (provider) {
    case 'anthropic':
      return {
        path: '/v1/messages',
        body: {
          model: opts.model ?? 'claude-opus-4-7',
          max_tokens: opts.maxTokens ?? 1024,
          messages: [{ role: 'user', content: prompt }],
          ...(stream && { stream: true }),
          ...(opts.json === true && {
            output_config: { format: { type: 'json_schema', schema: { type: 'object' } } },
          }),
        },
      };
    case 'openai':
      return {
        path: '/v1/chat/completions',
        body: {
          model: opts.model ?? 'gpt-4o-mini',
          messages: [{ role: 'user', content: prompt }],
          ...(opts.maxTokens !== undefined && { max_tokens: opts.maxTokens }),
          ...(stream && { stream: true }),
          ...(opts.json === true && { response_format: { type: 'json_object' } }),
        },
      };
    case 'google': {
      const model = opts.model ?? 'gemini-2.5-flash';
      return {
        path: stream
          ? `/v1beta/models/${model}:streamGenerateContent?alt=sse`
          : `/v1beta/models/${model}:generateContent`,
        body: {
          contents: [{ role: 'user', parts: [{ text: prompt }] }],
          generationConfig: {
            ...(opts.maxTokens !== undefined && { maxOutputTokens: opts.maxTokens }),
            ...(opts.json === true && { responseMimeType: 'application/json' }),
          },
        },
      };
    }
  }
}

/** The value at `path` inside decoded JSON, or undefined. */
export function dig(value: unknown, ...path: (string | number)[]): unknown {
  let current = value;
  for (const key of path) {
    if (typeof current !== 'object' || current === null) return undefined;
    current = (current as Record<string | number, unknown>)[key];
  }
  return current;
}

/** The text of a non-streaming success body, per provider. */
export function bodyText(provider: Provider, body: unknown): string {
  switch (provider) {
    case 'anthropic': {
      const content = dig(body, 'content');
      return Array.isArray(content) ? content.map((c) => String(dig(c, 'text'))).join('') : '';
    }
    case 'openai': {
      const content = dig(body, 'choices', 0, 'message', 'content');
      return typeof content === 'string' ? content : '';
    }
    case 'google': {
      const parts = dig(body, 'candidates', 0, 'content', 'parts');
      return Array.isArray(parts) ? parts.map((p) => String(dig(p, 'text'))).join('') : '';
    }
  }
}

/** The text of a streamed success body, per provider. */
export function streamText(provider: Provider, events: readonly SseEvent[]): string {
  let text = '';
  for (const { event, data } of events) {
    if (data === '[DONE]') continue;
    const d: unknown = JSON.parse(data);
    if (provider === 'anthropic' && event === 'content_block_delta') {
      text += String(dig(d, 'delta', 'text'));
    } else if (provider === 'openai') {
      const content = dig(d, 'choices', 0, 'delta', 'content');
      text += typeof content === 'string' ? content : '';
    } else if (provider === 'google') {
      text += bodyText('google', d);
    }
  }
  return text;
}

export const PROVIDER_LIST = ['anthropic', 'openai', 'google'] as const;
