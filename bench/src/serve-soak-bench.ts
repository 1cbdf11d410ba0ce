/**
 * `npm run bench:serve:soak`: the server's RSS over a soak at 1,000 records/s (10 batches of 100
 * per second, open loop, stamped with the current time) for 10 minutes (`--minutes N`). The
 * server runs as its own process (`faultline serve --config`), so the RSS is its own
 * (/proc/<pid>/status VmRSS), sampled each minute after one minute of warm-up.
 */
import { keepAliveAgent, resentPosts } from './serve-client.js';
import { openLoopLatencies } from './serve-load.js';
import { startServeProcess } from './serve-process.js';
import { callMix, scheduledBodies } from './serve-records.js';
import { int, numberFlag, quantile, spread, verdict } from './serve-stats.js';

const MINUTES = numberFlag('minutes', 10);
const RATE = 1000;
const BATCH = 100;

const server = await startServeProcess();
const agent = keepAliveAgent(16);
try {
  console.log(
    `RSS of faultline serve (pid ${server.pid}, SQLite) at ${int(RATE)} records/s for ${MINUTES} min ` +
      `(after 1 min of warm-up), start ${server.rssMiB().toFixed(1)} MiB:`,
  );
  const target = { url: server.url, token: server.token, agent };
  const batchesPerSec = RATE / BATCH;
  const samples: number[] = [];
  const acks = await openLoopLatencies(target, {
    batchesPerSec,
    seconds: (MINUTES + 1) * 60,
    body: scheduledBodies(callMix(20_000), BATCH, 1000 / batchesPerSec),
    everySecond: (s) => {
      if (s % 60 !== 0) return;
      const rss = server.rssMiB();
      const minute = s / 60 - 1;
      if (minute === 0) console.log(`  warm-up done   ${rss.toFixed(1)} MiB`);
      else {
        samples.push(rss);
        console.log(`  minute ${String(minute).padStart(3)}     ${rss.toFixed(1)} MiB`);
      }
    },
  });
  samples.push(server.rssMiB()); // the last minute ends with the last acknowledgement
  console.log(`  end            ${samples.at(-1)!.toFixed(1)} MiB`);
  const s = spread(samples);
  console.log(
    `RSS min ${Math.min(...samples).toFixed(1)} MiB, max ${Math.max(...samples).toFixed(1)} MiB, ` +
      `spread ${(s * 100).toFixed(1)}%   target flat within 10%: ${verdict(s <= 0.1)}   ` +
      `(${int(acks.length * BATCH)} records, ack p99 ${quantile(acks, 0.99).toFixed(1)} ms, ` +
      `${resentPosts()} resent after a cut keep-alive connection)`,
  );
} finally {
  agent.destroy();
  const code = await server.stop();
  if (code !== 0) console.log(`faultline serve exited with ${String(code)} on SIGTERM`);
}
