/**
 * The demo's server, in a worker thread as it would be in a process of its own: its store writes
 * (synchronous SQLite commits) then never stall the app's calls, whose latency the engine judges.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { createDemoClock } from './demo-clock.js';
import { startDemoService, type DemoService } from './demo-service.js';
import { demoWatchClock } from './demo-watch-clock.js';
import { settle } from './settle.js';
import type { FromServerWorker, ServerWorkerData, ToServerWorker } from './worker-messages.js';

/** How often the engine's time moves on: the fast clock runs 15–30×, the service ticks once a second. */
const TICK_MS = 200;

/** Runs the server until told to close. */
async function serve(port: NonNullable<typeof parentPort>, data: ServerWorkerData): Promise<void> {
  const send = (m: FromServerWorker): void => port.postMessage(m);
  const clock = createDemoClock(data.clock);
  let demo: DemoService;
  try {
    demo = await startDemoService({
      now: () => clock.server(Date.now()),
      watchClock: demoWatchClock(clock, data.clock.serverBehindMs),
      providerUrl: data.providerUrl,
      log: (line) => send({ kind: 'log', line }),
    });
    await demo.service.caughtUp;
  } catch (e: unknown) {
    send({ kind: 'failed', message: e instanceof Error ? e.message : String(e) });
    return;
  }
  const ticker = setInterval(() => demo.service.live.tick(), TICK_MS);
  const closing = new AbortController();
  port.on('message', (m: ToServerWorker) => {
    if (m.kind === 'settle')
      void settle(demo.service, m.untilWallMs, closing.signal).then(() =>
        send({ kind: 'settled' }),
      );
    else {
      closing.abort();
      clearInterval(ticker);
      void demo
        .close({ keepDir: m.keepDir })
        .catch((e: unknown) => send({ kind: 'log', line: `closing: ${String(e)}` }))
        .then(() => send({ kind: 'closed' }));
    }
  });
  send({ kind: 'ready', url: demo.url, dir: demo.dir, tokens: demo.tokens });
}

if (parentPort !== null) void serve(parentPort, workerData as ServerWorkerData);
