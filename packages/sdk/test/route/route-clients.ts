// Router targets over the official SDKs pointed at the fake provider, instrumented into the router's sink.
import Anthropic from '@anthropic-ai/sdk';
import OpenAI from 'openai';
import { createMemorySink, instrumentFetch, type RecordSink } from '../../src/index.js';
import type { RouteTarget } from '../../src/route/index.js';

export type Answer = { readonly by: string; readonly text: string };
export type Chunk = { readonly by: string; readonly text: string };

/** A primary (Anthropic) and a backup (OpenAI); `sink(inner)` is the router's, set after creation. */
export function targets(
  url: string,
  sinkFor: () => RecordSink,
): RouteTarget<string, Answer, Chunk>[] {
  const sink: RecordSink = { write: (r) => sinkFor().write(r) };
  const anthropic = new Anthropic({
    apiKey: 'sk-ant-test',
    baseURL: url,
    maxRetries: 0,
    fetch: instrumentFetch({ provider: 'anthropic', sink }),
  });
  const openai = new OpenAI({
    apiKey: 'sk-test',
    baseURL: `${url}/v1`,
    maxRetries: 0,
    fetch: instrumentFetch({ provider: 'openai', sink }),
  });
  const messages = (q: string) => [{ role: 'user' as const, content: q }];
  return [
    {
      name: 'primary',
      provider: 'anthropic',
      model: 'claude-opus-4-7',
      async call(q, ctx) {
        const m = await anthropic.messages.create(
          { model: 'claude-opus-4-7', max_tokens: 64, messages: messages(q) },
          { signal: ctx.signal },
        );
        return {
          by: 'primary',
          text: m.content.map((c) => (c.type === 'text' ? c.text : '')).join(''),
        };
      },
      async stream(q, ctx) {
        const s = await anthropic.messages.create(
          { model: 'claude-opus-4-7', max_tokens: 64, messages: messages(q), stream: true },
          { signal: ctx.signal },
        );
        return (async function* () {
          for await (const e of s)
            yield {
              by: 'primary',
              text:
                e.type === 'content_block_delta' && e.delta.type === 'text_delta'
                  ? e.delta.text
                  : '',
            };
        })();
      },
      isContent: (c) => c.text !== '',
    },
    {
      name: 'backup',
      provider: 'openai',
      model: 'gpt-5.1',
      async call(q, ctx) {
        const r = await openai.chat.completions.create(
          { model: 'gpt-5.1', max_tokens: 64, messages: messages(q) },
          { signal: ctx.signal },
        );
        return { by: 'backup', text: r.choices[0]?.message.content ?? '' };
      },
      async stream(q, ctx) {
        const s = await openai.chat.completions.create(
          { model: 'gpt-5.1', max_tokens: 64, messages: messages(q), stream: true },
          { signal: ctx.signal },
        );
        return (async function* () {
          for await (const c of s) yield { by: 'backup', text: c.choices[0]?.delta.content ?? '' };
        })();
      },
      isContent: (c) => c.text !== '',
    },
  ];
}

export { createMemorySink };
