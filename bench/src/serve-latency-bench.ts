/**
 * `npm run bench:serve`, part 2: acknowledgement latency at a steady 5,000 records/s, open loop
 * (each send on its schedule whether or not earlier ones were answered; latency from the
 * scheduled time), as 5 batches of 1,000 per second and as 50 batches of 100 per second, into
 * SQLite and into PostgreSQL. The service runs in this process (startService).
 */
import { keepAliveAgent, resentPosts } from './serve-client.js';
import { startBenchService } from './serve-in-process.js';
import { openLoopLatencies } from './serve-load.js';
import { createBenchDatabase } from './serve-postgres.js';
import { callMix, scheduledBodies } from './serve-records.js';
import { int, numberFlag, quantile, verdict } from './serve-stats.js';

const SECONDS = numberFlag('seconds', 20);
const RATE = 5000;
const mix = callMix(20_000);

async function latencies(store: string | undefined, batch: number): Promise<number[]> {
  const bench = await startBenchService(store);
  // Open loop: as many connections as sends in flight, so none waits for a free socket.
  const agent = keepAliveAgent(64);
  try {
    const batchesPerSec = RATE / batch;
    const periodMs = 1000 / batchesPerSec;
    const target = { url: bench.url, token: bench.token, agent };
    const warm = scheduledBodies(mix, batch, periodMs);
    await openLoopLatencies(target, { batchesPerSec, seconds: 2, body: warm });
    const body = scheduledBodies(mix, batch, periodMs);
    return await openLoopLatencies(target, { batchesPerSec, seconds: SECONDS, body });
  } finally {
    agent.destroy();
    await bench.close();
  }
}

function report(name: string, batch: number, ms: readonly number[]): void {
  const p99 = quantile(ms, 0.99);
  console.log(
    `${name.padEnd(11)} ${`${RATE / batch} × ${batch}/s`.padEnd(12)} ${int(ms.length).padStart(5)} acks   ` +
      `p50 ${quantile(ms, 0.5).toFixed(1).padStart(6)} ms   p99 ${p99.toFixed(1).padStart(6)} ms   ` +
      `max ${Math.max(...ms)
        .toFixed(1)
        .padStart(6)} ms   target p99 ≤ 50 ms: ${verdict(p99 <= 50)}   ` +
      `(${resentPosts()} resent so far)`,
  );
}

console.log(
  `ack latency at ${int(RATE)} records/s for ${SECONDS} s, open loop, from each send's scheduled time:`,
);
for (const batch of [1000, 100]) report('SQLite', batch, await latencies(undefined, batch));
for (const batch of [1000, 100]) {
  // A fresh database each time: the service creates its first tokens only in an empty store.
  const db = await createBenchDatabase();
  try {
    report('PostgreSQL', batch, await latencies(db.url, batch));
  } finally {
    await db.drop();
  }
}
