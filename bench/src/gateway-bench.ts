/**
 * The gateway benchmark (issue 12), all in one run against one tiny local upstream: direct,
 * through Faultline's gateway and through `@portkey-ai/gateway`; wrk at 1, 16 and 64
 * connections, a sequential keep-alive client for added latency and TTFT, and the gateway's RSS
 * with 1,000 concurrent long-lived streams. `--seconds N` per wrk run (5), `--requests N`
 * sequential requests (2,000), `--streams N` (1,000).
 */
import { execFileSync } from 'node:child_process';
import { startFaultline, startPortkey, startUpstream, type Child } from './gateway-children.js';
import { sequential } from './gateway-client.js';
import { streamsRss } from './gateway-streams.js';
import { loadsFor, printReport, type Figures, type Via } from './gateway-report.js';
import { runWrk } from './gateway-wrk.js';
import { numberFlag, quantile } from './serve-stats.js';

const seconds = numberFlag('seconds', 5);
const requests = numberFlag('requests', 2_000);
const streams = numberFlag('streams', 1_000);
const VIAS: readonly Via[] = ['direct', 'faultline', 'portkey'];

const machine = execFileSync('uptime', { encoding: 'utf8' }).trim();
const upstream = await startUpstream();
const faultline = await startFaultline(upstream.url);
const portkey = await startPortkey(18_000 + (process.pid % 1_000));
const children: Child[] = [portkey, faultline, upstream];
try {
  const loads = loadsFor(upstream.url, faultline.url, portkey.url);
  const figures: Figures = { wrk: [], seq: [], rss: undefined };
  for (const stream of [false, true]) {
    for (const via of VIAS) {
      const load = loads[via](stream);
      // Warm-up before anything is measured: a long-running proxy's JIT and pools are warm, so
      // every process is measured warm (the sequential run used to start on a cold gateway).
      await runWrk(load, `${via}-${String(stream)}`, 16, 1);
      const t = await sequential(load, requests, Math.ceil(requests / 10));
      const ms = t.map((x) => (stream ? x.firstMs : x.endMs));
      const errors = t.filter((x) => x.status !== 200).length;
      figures.seq.push({ via, stream, p50: quantile(ms, 0.5), p99: quantile(ms, 0.99), errors });
      for (const connections of [1, 16, 64]) {
        const w = await runWrk(load, `${via}-${String(stream)}`, connections, seconds);
        figures.wrk.push({ via, stream, connections, ...w });
      }
    }
  }
  // A fresh gateway for the streams, so that garbage from the wrk runs does not move its RSS.
  const fresh = await startFaultline(upstream.url);
  children.unshift(fresh);
  const freshLoads = loadsFor(upstream.url, fresh.url, portkey.url);
  figures.rss = await streamsRss(fresh, freshLoads.faultline(true), streams, 15_000);
  const after = execFileSync('uptime', { encoding: 'utf8' }).trim();
  printReport(figures, streams, `${machine}\n  after: ${after}`);
} finally {
  for (const c of children) await c.stop();
}
