/**
 * `npm run bench:serve:soak`: the server's RSS over a soak at 1,000 records/s (10 batches of 100
 * per second, open loop, stamped with the current time) for 10 minutes (`--minutes N`). The
 * server runs as its own process (`faultline serve --config`), so the RSS is its own
 * (/proc/<pid>/status VmRSS), read every second. After one minute of warm-up each minute prints
 * its last reading and its peak; flat is judged on the peaks, and the trend is their least-squares
 * slope. A single reading can land in the half minute after V8's memory reducer (a full GC for a
 * heap that looks idle) shrank the young generation: its semi-spaces, up to 28 of the ~130 MiB,
 * grown back by the next scavenges. That dip is not the process needing less; a minute's peak is
 * what it held that minute, and growth shows in the peaks as in the readings.
 */
import { keepAliveAgent, resentPosts } from './serve-client.js';
import { openLoopLatencies } from './serve-load.js';
import { startServeProcess } from './serve-process.js';
import { callMix, scheduledBodies } from './serve-records.js';
import { int, numberFlag, quantile, spread, verdict } from './serve-stats.js';

const MINUTES = numberFlag('minutes', 10);
const RATE = 1000;
const BATCH = 100;

const mib = (n: number): string => `${n.toFixed(1).padStart(6)} MiB`;
const range = (xs: readonly number[]): string =>
  `min ${Math.min(...xs).toFixed(1)}, max ${Math.max(...xs).toFixed(1)}, spread ${(spread(xs) * 100).toFixed(1)}%`;

/** The least-squares slope of `ys` per step (MiB per minute here). */
function slope(ys: readonly number[]): number {
  const n = ys.length;
  const mx = (n - 1) / 2;
  const my = ys.reduce((a, b) => a + b, 0) / n;
  let num = 0;
  let den = 0;
  ys.forEach((y, x) => {
    num += (x - mx) * (y - my);
    den += (x - mx) ** 2;
  });
  return den === 0 ? 0 : num / den;
}

const server = await startServeProcess();
const agent = keepAliveAgent(16);
try {
  console.log(
    `RSS of faultline serve (pid ${server.pid}, SQLite) at ${int(RATE)} records/s for ${MINUTES} min ` +
      `(after 1 min of warm-up), start ${server.rssMiB().toFixed(1)} MiB, read every second:`,
  );
  const target = { url: server.url, token: server.token, agent };
  const batchesPerSec = RATE / BATCH;
  const readings: number[] = [];
  const peaks: number[] = [];
  let peak = 0;
  const acks = await openLoopLatencies(target, {
    batchesPerSec,
    seconds: (MINUTES + 1) * 60,
    body: scheduledBodies(callMix(20_000), BATCH, 1000 / batchesPerSec),
    everySecond: (s) => {
      const rss = server.rssMiB();
      peak = Math.max(peak, rss);
      if (s % 60 !== 0) return;
      const minute = s / 60 - 1;
      const label = minute === 0 ? 'warm-up done' : `minute ${String(minute).padStart(3)}`;
      console.log(`  ${label.padEnd(12)}  last ${mib(rss)}   peak ${mib(peak)}`);
      if (minute > 0) {
        readings.push(rss);
        peaks.push(peak);
      }
      peak = rss; // the next minute starts from this reading
    },
  });
  // The last minute ends with the last acknowledgement.
  const end = server.rssMiB();
  readings.push(end);
  peaks.push(Math.max(peak, end));
  console.log(`  ${'end'.padEnd(12)}  last ${mib(end)}   peak ${mib(peaks.at(-1)!)}`);
  const s = spread(peaks);
  console.log(`RSS each minute's last reading: ${range(readings)}`);
  console.log(
    `RSS each minute's peak: ${range(peaks)}, trend ${slope(peaks).toFixed(2)} MiB/min   ` +
      `target flat within 10%: ${verdict(s <= 0.1)}   ` +
      `(${int(acks.length * BATCH)} records, ack p99 ${quantile(acks, 0.99).toFixed(1)} ms, ` +
      `${resentPosts()} resent after a cut keep-alive connection)`,
  );
} finally {
  agent.destroy();
  const code = await server.stop();
  if (code !== 0) console.log(`faultline serve exited with ${String(code)} on SIGTERM`);
}
