// Our app: Anthropic SDK calls on the record clock, recorded by instrumentFetch, sent by the HTTP batch sink.
import Anthropic from '@anthropic-ai/sdk';
import type { CallRecord } from '@faultline/core';
import { createHttpBatchSink, instrumentFetch, type RecordSink } from '@faultline/sdk';
import type { RecordClock } from './record-clock.js';
import { INGEST_TOKEN } from './watch-rig.js';

/** What the app does. */
export interface AppTrafficOptions {
  readonly clock: RecordClock;
  /** The Faultline service's base URL. */
  readonly serviceUrl: string;
  /** The API's base URL for the next call (the fake's, or one that refuses connections). */
  readonly baseUrl: () => string;
  readonly model: string;
  /** One call per this many ms of record time. */
  readonly everyMs: number;
}

/** The app running. */
export interface AppTraffic {
  /** Calls made, and those whose record the server acknowledged. */
  readonly made: number;
  readonly sent: number;
  /** Stops calling, waits for the call in flight and sends what is queued. */
  stop(): Promise<void>;
}

/**
 * The SDK's instrument stamps `ts` on the wall clock; the app's records carry record time, as
 * they would if the app ran at the record clock's pace.
 */
function recordTimeSink(sink: RecordSink, clock: RecordClock): RecordSink {
  return {
    write(record: CallRecord): void {
      const wallMs = typeof record.ts === 'number' ? record.ts : Date.parse(record.ts);
      void sink.write({ ...record, ts: new Date(clock.recordMs(wallMs)).toISOString() });
    },
  };
}

/** Starts the app: the first call at once, then one every `everyMs` of record time. */
export function startAppTraffic(o: AppTrafficOptions): AppTraffic {
  const batch = createHttpBatchSink({
    url: o.serviceUrl,
    token: INGEST_TOKEN,
    intervalMs: 50,
    onError: () => undefined,
  });
  const fetch = instrumentFetch({
    provider: 'anthropic',
    app: 'night-shift-app',
    sink: recordTimeSink(batch, o.clock),
  });
  const clients = new Map<string, Anthropic>();
  const clientFor = (baseURL: string): Anthropic => {
    let c = clients.get(baseURL);
    if (c === undefined) {
      c = new Anthropic({ apiKey: 'sk-app-key', baseURL, fetch, maxRetries: 0, timeout: 10_000 });
      clients.set(baseURL, c);
    }
    return c;
  };
  let made = 0;
  let stopped = false;
  let timer: unknown;
  let inFlight: Promise<void> = Promise.resolve();
  const call = async (): Promise<void> => {
    made++;
    // A failed call is the app's own business; its record is what the test is about.
    await clientFor(o.baseUrl())
      .messages.create({
        model: o.model,
        max_tokens: 256,
        messages: [{ role: 'user', content: 'Summarise the overnight queue.' }],
      })
      .catch(() => undefined);
  };
  const next = (): void => {
    if (stopped) return;
    inFlight = call();
    timer = o.clock.timers.setTimeout(next, o.everyMs);
  };
  next();
  return {
    get made() {
      return made;
    },
    get sent() {
      return batch.sent;
    },
    async stop() {
      stopped = true;
      o.clock.timers.clearTimeout(timer);
      await inFlight;
      await batch.shutdown();
    },
  };
}
