// Our app for the end-to-end test: an SDK router over Anthropic (primary) and OpenAI (backup) on
// the fake provider, following the service, its records sent to the service in record time.
import Anthropic from '@anthropic-ai/sdk';
import OpenAI from 'openai';
import type { CallRecord } from '@faultline/core';
import {
  createHttpBatchSink,
  createRouter,
  instrumentFetch,
  type RecordSink,
  type Router,
} from '@faultline/sdk';
import type { RecordClock } from '../watch-e2e/record-clock.js';

/** One caller-visible outcome, at the record time the call started. */
export interface Outcome {
  readonly atMs: number;
  readonly ok: boolean;
  readonly by: 'primary' | 'backup' | undefined;
}

export interface RouterAppOptions {
  readonly fakeUrl: string;
  readonly serviceUrl: string;
  readonly ingestToken: string;
  readonly readToken: string;
  readonly clock: RecordClock;
}

/** The app: its router, the batch sink, and a direct primary call with no router nor instrument. */
export function routerApp(o: RouterAppOptions) {
  const batch = createHttpBatchSink({
    url: o.serviceUrl,
    token: o.ingestToken,
    intervalMs: 50,
    onError: () => undefined,
  });
  // The instrument stamps wall time; the service runs on the record clock.
  const toService: RecordSink = {
    write(r: CallRecord) {
      const wallMs = typeof r.ts === 'number' ? r.ts : Date.parse(r.ts);
      void batch.write({ ...r, ts: new Date(o.clock.recordMs(wallMs)).toISOString() });
    },
  };
  const ref: { router?: Router<string, Outcome['by'], never> } = {};
  const sink: RecordSink = { write: (r) => ref.router!.sink(toService).write(r) };
  const anthropic = (fetch?: typeof globalThis.fetch) =>
    new Anthropic({
      apiKey: 'sk-ant-app',
      baseURL: o.fakeUrl,
      maxRetries: 0,
      ...(fetch === undefined ? {} : { fetch }),
    });
  const primary = anthropic(instrumentFetch({ provider: 'anthropic', sink }));
  const direct = anthropic();
  const backup = new OpenAI({
    apiKey: 'sk-app',
    baseURL: `${o.fakeUrl}/v1`,
    maxRetries: 0,
    fetch: instrumentFetch({ provider: 'openai', sink }),
  });
  const ask = (a: Anthropic, signal?: AbortSignal) =>
    a.messages.create(
      { model: 'claude-opus-4-7', max_tokens: 1024, messages: [{ role: 'user', content: 'hi' }] },
      { signal },
    );
  const router = (ref.router = createRouter<string, Outcome['by'], never>({
    now: o.clock.now,
    targets: [
      {
        name: 'primary',
        provider: 'anthropic',
        model: 'claude-opus-4-7',
        call: async (_q, ctx) => (await ask(primary, ctx.signal), 'primary'),
      },
      {
        name: 'backup',
        provider: 'openai',
        model: 'gpt-5.1',
        call: async (_q, ctx) => {
          const messages = [{ role: 'user' as const, content: 'hi' }];
          await backup.chat.completions.create(
            { model: 'gpt-5.1', max_tokens: 1024, messages },
            { signal: ctx.signal },
          );
          return 'backup';
        },
      },
    ],
    // Record-time constants (the router runs on the record clock): a trickle every 5 s.
    breaker: { failureThreshold: 3, maxOpenMs: 60_000, flapWindowMs: 30_000, settleMs: 10_000 },
    server: { url: o.serviceUrl, token: o.readToken, pollMs: 500, reconnectMs: 100 },
    onError: () => undefined,
  }));
  return {
    router,
    callRouted: async (): Promise<Outcome> => {
      const atMs = o.clock.now();
      try {
        return { atMs, ok: true, by: await router.call('hi') };
      } catch {
        return { atMs, ok: false, by: undefined };
      }
    },
    callDirect: async (): Promise<Outcome> => {
      const atMs = o.clock.now();
      return ask(direct).then(
        () => ({ atMs, ok: true, by: 'primary' as const }),
        () => ({ atMs, ok: false, by: undefined }),
      );
    },
    async close() {
      await router.close();
      await batch.shutdown();
    },
  };
}

/** Runs `workers` loops of `call` until `untilMs` (record time), one call per `everyMs` each. */
export async function traffic(
  clock: RecordClock,
  workers: number,
  everyMs: number,
  untilMs: number,
  call: () => Promise<Outcome>,
): Promise<Outcome[]> {
  const out: Outcome[] = [];
  await Promise.all(
    Array.from({ length: workers }, async () => {
      while (clock.now() < untilMs) {
        const started = clock.now();
        out.push(await call());
        const waitMs = (started + everyMs - clock.now()) / clock.scale;
        if (waitMs > 0) await new Promise((r) => setTimeout(r, waitMs));
      }
    }),
  );
  return out.sort((a, b) => a.atMs - b.atMs);
}
