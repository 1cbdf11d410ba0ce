/**
 * `npm run bench:serve`, part 3: the live engine's lag (newest record time minus the engine's
 * clock) while 5,000 records/s stamped with the current time stream in (50 batches of 100 per
 * second, open loop) for 60 s (`--seconds N`), read each second from `/metrics`
 * (`faultline_engine_lag_seconds`) and from the engine's own stats. SQLite, in this process.
 */
import { keepAliveAgent } from './serve-client.js';
import { startBenchService } from './serve-in-process.js';
import { openLoopLatencies } from './serve-load.js';
import { callMix, scheduledBodies } from './serve-records.js';
import { int, numberFlag, quantile, verdict } from './serve-stats.js';

const SECONDS = numberFlag('seconds', 60);
const RATE = 5000;
const BATCH = 100;

/** The engine lag `/metrics` reports, in seconds. */
async function scrapeLagS(url: string): Promise<number> {
  const text = await (await fetch(`${url}/metrics`)).text();
  const line = text.split('\n').find((l) => l.startsWith('faultline_engine_lag_seconds '));
  if (line === undefined) throw new Error('/metrics has no faultline_engine_lag_seconds');
  return Number(line.slice(line.indexOf(' ') + 1));
}

const bench = await startBenchService();
const agent = keepAliveAgent(64);
try {
  const target = { url: bench.url, token: bench.token, agent };
  const scraped: number[] = [];
  const own: number[] = [];
  let held = 0;
  const batchesPerSec = RATE / BATCH;
  const acks = await openLoopLatencies(target, {
    batchesPerSec,
    seconds: SECONDS,
    body: scheduledBodies(callMix(20_000), BATCH, 1000 / batchesPerSec),
    everySecond: async () => {
      const stats = bench.service.live.stats();
      own.push(stats.lagMs / 1000);
      held = Math.max(held, stats.held);
      scraped.push(await scrapeLagS(bench.url));
    },
  });
  const stats = bench.service.live.stats();
  const worst = Math.max(...scraped);
  console.log(
    `engine lag at ${int(RATE)} records/s (${batchesPerSec} × ${BATCH}/s) for ${SECONDS} s, ` +
      `${int(acks.length * BATCH)} records, sampled each second:`,
  );
  console.log(
    `/metrics faultline_engine_lag_seconds   p50 ${quantile(scraped, 0.5).toFixed(2)} s   ` +
      `max ${worst.toFixed(2)} s   target ≤ 2 s: ${verdict(worst <= 2)}`,
  );
  console.log(
    `live.stats().lagMs                      p50 ${quantile(own, 0.5).toFixed(2)} s   ` +
      `max ${Math.max(...own).toFixed(2)} s   (held at most ${int(held)} records, ` +
      `${int(stats.late)} late, ${stats.saveFailures} failed saves)`,
  );
  console.log(
    `ack latency meanwhile: p50 ${quantile(acks, 0.5).toFixed(1)} ms, p99 ${quantile(acks, 0.99).toFixed(1)} ms`,
  );
} finally {
  agent.destroy();
  await bench.close();
}
