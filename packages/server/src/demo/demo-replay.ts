/**
 * The demo's traffic: the real SDKs call the fake provider, and their records go through the
 * SDK's HTTP batch sink (restamped in replay time) into the demo's server.
 */
import type { FakeProvider } from '@faultline/fake-provider';
import { createHttpBatchSink } from '@faultline/sdk';
import type { DemoClock } from './demo-clock.js';
import type { AppCounts } from './demo-summary.js';
import type { DemoServer } from './demo-server.js';
import { driveTraffic } from './demo-traffic.js';
import { phaseAnnouncer } from './phase-announcer.js';
import { replayTimeSink } from './replay-time-sink.js';
import { clockText } from './verdict-format.js';

export interface ReplayOptions {
  readonly provider: FakeProvider;
  readonly demo: DemoServer;
  readonly clock: DemoClock;
  /** When the traffic ends (wall ms); the server has judged it all at `clock.fastUntilMs`. */
  readonly trafficEndMs: number;
  readonly workers: number;
  /** Ends the traffic early. */
  readonly interrupt: AbortSignal;
  readonly out: (line: string) => void;
  readonly fault: (what: string, error: unknown) => void;
}

/** Runs the traffic to its end (or the interrupt), then lets the server catch up; the app's counts. */
export async function replayTraffic(o: ReplayOptions): Promise<AppCounts> {
  const sink = createHttpBatchSink({
    url: o.demo.url,
    token: o.demo.tokens.ingest,
    intervalMs: 250,
    flushTimeoutMs: 3_000,
    onError: (e) => o.fault('batch sink', e),
  });
  // Stops the traffic; each call has its own signal, aborted from this one (see driveTraffic).
  const stop = new AbortController();
  const interrupted = (): void => stop.abort();
  o.interrupt.addEventListener('abort', interrupted, { once: true });
  if (o.interrupt.aborted) stop.abort(); // interrupted while the server was starting
  const announce = phaseAnnouncer(o.clock, (wallMs, text) =>
    o.out(`[${clockText(o.clock.app(wallMs))}] ${text}`),
  );
  const ticker = setInterval(() => announce(Date.now()), 200);
  const hardStop = setTimeout(() => stop.abort(), o.trafficEndMs - Date.now());
  try {
    const app = replayTimeSink(sink, (wallMs) => o.clock.app(wallMs));
    const traffic = await driveTraffic(o.provider.url, app, o.workers, stop.signal);
    await sink.shutdown();
    if (!o.interrupt.aborted)
      await Promise.race([o.demo.settle(o.clock.fastUntilMs), aborted(o.interrupt)]);
    return { traffic, sent: sink.sent, dropped: sink.dropped };
  } finally {
    clearTimeout(hardStop);
    clearInterval(ticker);
    o.interrupt.removeEventListener('abort', interrupted);
    await sink.shutdown();
  }
}

/** Resolves when `signal` aborts. */
function aborted(signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) resolve();
    else signal.addEventListener('abort', () => resolve(), { once: true });
  });
}
