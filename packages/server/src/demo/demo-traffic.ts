/** Drives calls from the real Anthropic and OpenAI SDKs, through instrumentFetch, until stopped. */
import Anthropic from '@anthropic-ai/sdk';
import OpenAI from 'openai';
import type { RecordSink } from '@faultline/sdk';
import { instrumentFetch } from '@faultline/sdk';
import { answerTimeFetch } from './answer-time.js';

const PROMPTS = [
  'Summarize the release notes.',
  'Draft a reply to the customer.',
  'List three risks.',
];

export interface TrafficStats {
  calls: number;
  callerErrors: number;
}

/** The models the demo's app uses, and how it calls them. */
const ROUTES = [
  { provider: 'anthropic', model: 'claude-opus-4-7', stream: false },
  { provider: 'anthropic', model: 'claude-opus-4-8', stream: true },
  { provider: 'anthropic', model: 'claude-sonnet-4-6', stream: false },
  { provider: 'openai', model: 'gpt-5.1', stream: false },
  { provider: 'openai', model: 'gpt-4.1-mini', stream: true },
] as const;

/**
 * Runs `workers` loops per route against `baseUrl` until `signal` aborts. Errors are what the app
 * would see; they are counted, not thrown (the app would fall back or retry later).
 *
 * Each call gets its own AbortController, aborted from one shutdown list: the SDKs add an abort
 * listener per request to the signal they are given, so sharing `signal` across every call piled
 * listeners onto it until Node printed a MaxListenersExceededWarning.
 */
export async function driveTraffic(
  baseUrl: string,
  sink: RecordSink,
  workers: number,
  signal: AbortSignal,
): Promise<TrafficStats> {
  const stats: TrafficStats = { calls: 0, callerErrors: 0 };
  const anthropic = new Anthropic({
    apiKey: 'sk-ant-demo',
    baseURL: baseUrl,
    maxRetries: 1,
    fetch: instrumentFetch({
      provider: 'anthropic',
      sink,
      app: 'notes-ai',
      fetch: answerTimeFetch(),
    }),
  });
  const openai = new OpenAI({
    apiKey: 'sk-demo',
    baseURL: `${baseUrl}/v1`,
    maxRetries: 1,
    fetch: instrumentFetch({
      provider: 'openai',
      sink,
      app: 'notes-ai',
      timeoutMs: 600_000,
      fetch: answerTimeFetch(),
    }),
  });
  const live = new Set<AbortController>();
  const stopAll = (): void => {
    for (const c of live) c.abort(signal.reason);
  };
  signal.addEventListener('abort', stopAll, { once: true });
  const one = async (
    route: (typeof ROUTES)[number],
    n: number,
    callSignal: AbortSignal,
  ): Promise<void> => {
    const content = PROMPTS[n % PROMPTS.length]!;
    if (route.provider === 'anthropic') {
      const params = {
        model: route.model,
        max_tokens: 256,
        messages: [{ role: 'user' as const, content }],
      };
      if (route.stream) {
        for await (const event of await anthropic.messages.create(
          { ...params, stream: true },
          { signal: callSignal },
        ))
          void event;
      } else await anthropic.messages.create(params, { signal: callSignal });
    } else {
      const params = {
        model: route.model,
        max_tokens: 256,
        messages: [{ role: 'user' as const, content }],
      };
      if (route.stream) {
        for await (const chunk of await openai.chat.completions.create(
          { ...params, stream: true },
          { signal: callSignal },
        ))
          void chunk;
      } else await openai.chat.completions.create(params, { signal: callSignal });
    }
  };
  const loop = async (route: (typeof ROUTES)[number]): Promise<void> => {
    for (let n = 0; !signal.aborted; n++) {
      stats.calls++;
      const call = new AbortController();
      live.add(call);
      try {
        await one(route, n, call.signal);
      } catch {
        if (!signal.aborted) stats.callerErrors++;
      } finally {
        live.delete(call);
      }
    }
  };
  try {
    await Promise.all(
      ROUTES.flatMap((route) => Array.from({ length: workers }, () => loop(route))),
    );
  } finally {
    signal.removeEventListener('abort', stopAll);
  }
  return stats;
}
