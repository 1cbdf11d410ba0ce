/**
 * Following `faultline serve`: its `/v1/events` stream (breaker.changed, incident.*) pushes the
 * service's verdicts to every app instance; `/v1/health` is polled too, faster while the stream is
 * down, for breaker states and whether each scope is elevated. Timers are unref'd; loops never reject.
 */
import type { Breaker } from '@faultline/core';
import { readSse } from './sse-reader.js';
import { ServerVerdicts } from './server-verdicts.js';

/** Where the service is and how often to ask it. */
export interface FollowServerOptions {
  /** Base URL of `faultline serve`, e.g. `http://127.0.0.1:7600`. */
  readonly url: string;
  /** A `read` token for `Authorization: Bearer`. */
  readonly token?: string;
  /** The fetch to use (default `globalThis.fetch`; not an instrumented one). */
  readonly fetch?: typeof globalThis.fetch;
  /** Poll `/v1/health` this often while the event stream is down (default 5 s), 6× slower while up. */
  readonly pollMs?: number;
  /** Wait this long before reconnecting the event stream (default 2 s). */
  readonly reconnectMs?: number;
  /** A model's scope counts as elevated at this 1-minute failure share (default 0.1), or when `down`. */
  readonly elevatedShare?: number;
}

/** A running follower. */
export interface ServerFollower {
  close(): Promise<void>;
}

/** Starts following; errors go to `report`, never to the app. */
export function followServer(
  o: FollowServerOptions,
  entries: ReadonlyArray<{ readonly breaker: Breaker }>,
  now: () => number,
  report: (e: unknown) => void,
): ServerFollower {
  const fetch = o.fetch ?? globalThis.fetch;
  const base = o.url.replace(/\/+$/, '');
  const verdicts = new ServerVerdicts(entries, now, o.elevatedShare ?? 0.1);
  const stop = new AbortController();
  const headers = (accept: string): Record<string, string> => ({
    accept,
    ...(o.token === undefined ? {} : { authorization: `Bearer ${o.token}` }),
  });
  let streaming = false;
  let lastId: string | undefined;

  const listen = async (): Promise<void> => {
    const h = headers('text/event-stream');
    if (lastId !== undefined) h['last-event-id'] = lastId;
    const res = await fetch(`${base}/v1/events`, { headers: h, signal: stop.signal });
    if (!res.ok || res.body === null) throw new Error(`GET /v1/events answered ${res.status}`);
    streaming = true;
    await readSse(res.body, (e) => {
      if (e.id !== undefined) lastId = e.id;
      try {
        verdicts.event(e.event, JSON.parse(e.data) as unknown);
      } catch (err: unknown) {
        report(err); // one bad event must not drop the stream
      }
    });
  };
  const poll = async (): Promise<void> => {
    const res = await fetch(`${base}/v1/health`, {
      headers: headers('application/json'),
      signal: stop.signal,
    });
    if (!res.ok) throw new Error(`GET /v1/health answered ${res.status}`);
    verdicts.health(await res.json());
  };
  const loop = async (once: () => Promise<void>, waitMs: () => number, after?: () => void) => {
    while (!stop.signal.aborted) {
      try {
        await once();
      } catch (e: unknown) {
        if (!stop.signal.aborted) report(e);
      }
      after?.();
      await sleep(waitMs(), stop.signal);
    }
  };
  const pollMs = o.pollMs ?? 5_000;
  const loops = Promise.all([
    loop(
      listen,
      () => o.reconnectMs ?? 2_000,
      () => void (streaming = false),
    ),
    loop(poll, () => (streaming ? pollMs * 6 : pollMs)),
  ]);
  return {
    async close() {
      stop.abort();
      await loops;
    },
  };
}

/** Waits `ms` (an unref'd timer, so it never keeps the process alive) or until `signal` aborts. */
function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const done = (): void => {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    timer.unref();
    signal.addEventListener('abort', done, { once: true });
  });
}
