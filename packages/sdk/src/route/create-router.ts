/** `createRouter`: failover in the app over ordered targets, each guarded by its own breaker. */
import type { BreakerChange, ModelReason } from '@faultline/core';
import { attemptSink, runAttempt, type AttemptRecords } from './attempt-records.js';
import { followServer } from './follow-server.js';
import { attemptVerdicts, movesOn } from './judge-attempt.js';
import { committedStream, peekStream } from './peek-stream.js';
import type { RouteTarget, RouterOptions } from './route-target.js';
import type { Router } from './router.js';
import { TargetBreakers, type Planned } from './target-breakers.js';
import { faultReporter } from '../instrument/own-fault.js';

const QUALITY: readonly ModelReason[] = [
  'empty',
  'refusal',
  'content_filter',
  'malformed',
  'check_failed',
];

/**
 * Creates a router. Give each target's SDK client `instrumentFetch({ sink: router.sink(yours) })`
 * so the router sees quality failures; without it, the router judges by thrown errors only.
 *
 * @example
 * const router = createRouter({ targets: [
 *   { name: 'claude', provider: 'anthropic', model: 'claude-opus-4-7', call: (q) => askClaude(q) },
 *   { name: 'gpt', provider: 'openai', model: 'gpt-5.1', call: (q) => askGpt(q) },
 * ], server: { url: 'http://127.0.0.1:7600', token } });
 * const answer = await router.call(question);
 */
export function createRouter<Req, Res = unknown, Chunk = unknown>(
  options: RouterOptions<Req, Res, Chunk>,
): Router<Req, Res, Chunk> {
  type Target = RouteTarget<Req, Res, Chunk>;
  const now = options.now ?? Date.now;
  const report = faultReporter(options.onError);
  const quality = options.moveOnQuality ?? QUALITY;
  const board = new TargetBreakers(
    options.targets,
    options.breaker ?? {},
    now,
    options.allOpen ?? 'try',
  );
  const follower =
    options.server === undefined
      ? undefined
      : followServer(options.server, board.entries, now, report);

  /** Feeds the breaker and says whether to move on (never after the caller's own abort). */
  const judge = (
    p: Planned<Target>,
    a: AttemptRecords,
    error: unknown,
    signal?: AbortSignal,
  ): boolean => {
    const verdicts = attemptVerdicts(a.records, error, p.target.provider, p.target.model);
    board.feed(p.breaker, verdicts);
    const last = verdicts.at(-1);
    return signal?.aborted !== true && last !== undefined && movesOn(last, quality);
  };

  /** Tries the plan in order; `attempt` returns a value to finish with or `undefined` to move on. */
  async function route<R>(
    has: (t: Target) => boolean,
    attempt: (
      p: Planned<Target>,
      last: boolean,
    ) => Promise<{ done: R } | { fallback: R } | { error: unknown }>,
  ): Promise<R> {
    const plan = board.plan().filter((p) => has(p.target));
    let fallback: { value: R } | undefined;
    let error: unknown = new Error('no target of this router can make this kind of call');
    for (const [i, p] of plan.entries()) {
      const r = await attempt(p, i === plan.length - 1);
      if ('done' in r) return r.done;
      if ('fallback' in r) fallback = { value: r.fallback };
      else error = r.error;
    }
    if (fallback !== undefined) return fallback.value;
    throw error;
  }

  return {
    call: (req, o = {}) =>
      route<Res>(
        (t) => t.call !== undefined,
        async (p, last) => {
          const a: AttemptRecords = { records: [] };
          const ctx = { signal: o.signal, target: p.target.name, trickle: p.trickle };
          try {
            const value = await runAttempt(a, () => p.target.call!(req, ctx));
            return judge(p, a, undefined) && !last ? { fallback: value } : { done: value };
          } catch (error: unknown) {
            if (!judge(p, a, error, o.signal) || last) throw error;
            return { error };
          }
        },
      ),
    stream: (req, o = {}) =>
      route<AsyncIterable<Chunk>>(
        (t) => t.stream !== undefined,
        async (p, last) => {
          const a: AttemptRecords = { records: [] };
          const ctx = { signal: o.signal, target: p.target.name, trickle: p.trickle };
          let peeked;
          try {
            const source = await runAttempt(a, () => p.target.stream!(req, ctx));
            peeked = await peekStream(source, p.target.isContent ?? (() => true), a);
          } catch (error: unknown) {
            peeked = { kind: 'error', error } as const;
          }
          if (peeked.kind === 'error') {
            if (!judge(p, a, peeked.error, o.signal) || last) throw peeked.error;
            return { error: peeked.error };
          }
          if (peeked.kind === 'ended') {
            const value = committedStream(peeked.held, undefined, a, () => undefined);
            // No content at all: empty, unless the instrument says otherwise.
            const empty = a.records.length === 0 || judge(p, a, undefined);
            if (a.records.length === 0) board.feed(p.breaker, [EMPTY]);
            return empty && !last ? { fallback: value } : { done: value };
          }
          const settle = (error: unknown): void =>
            void judge(p, a, error === undefined ? undefined : error);
          return { done: committedStream(peeked.held, peeked.it, a, settle) };
        },
      ),
    sink: (inner) => attemptSink(inner),
    states: () => board.entries.map((e) => ({ target: e.target.name, state: e.breaker.state })),
    onChange(listener: (c: BreakerChange) => void) {
      const handles = board.entries.map((e) => e.breaker.onChange(listener));
      return { dispose: () => handles.forEach((h) => h.dispose()) };
    },
    close: async () => follower?.close(),
  };
}

const EMPTY = { layer: 'model', reason: 'empty', owner: 'provider', retryable: false } as const;
