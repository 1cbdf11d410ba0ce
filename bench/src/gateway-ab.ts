/**
 * A/B of two gateway builds in one run (issue 12): the build at `--before DIR` (a copy of
 * packages/server/dist) and the current one, alternating round by round against one upstream,
 * each beside going direct. Per round and as medians: added latency with one request in flight
 * (p50, p99 over direct), req/s at 16 connections as a share of direct's, and the gateway
 * process's own CPU time per request in both loads (from /proc: the figure a busy machine moves
 * least). `--rounds N` (6), `--requests N` per sequential run (2,000), `--seconds N` per wrk run
 * (3), `--stream` for streams (latency to the first byte). The copy must resolve the repo's
 * packages: `mkdir -p /tmp/gwbase && cp -r packages/server/dist /tmp/gwbase/dist && ln -s
 * "$PWD/node_modules" /tmp/gwbase/node_modules`, then `--before /tmp/gwbase/dist`.
 */
import { startFaultline, startUpstream, type Child } from './gateway-children.js';
import { sequential } from './gateway-client.js';
import { loadsFor } from './gateway-report.js';
import { runWrk } from './gateway-wrk.js';
import { median, numberFlag, quantile } from './serve-stats.js';

const at = process.argv.indexOf('--before');
const before = at === -1 ? undefined : process.argv[at + 1];
if (before === undefined) throw new Error('usage: gateway-ab.js --before DIR [--rounds N]');
const rounds = numberFlag('rounds', 6);
const requests = numberFlag('requests', 2_000);
const seconds = numberFlag('seconds', 3);
const stream = process.argv.includes('--stream');

type Side = 'before' | 'after';
const SIDES: readonly Side[] = ['before', 'after'];
const FIGURES = ['p50', 'p99', 'share', 'cpuSeq', 'cpuWrk'] as const;
type Round = Record<(typeof FIGURES)[number], Record<Side, number>>;

const upstream = await startUpstream();
const gateways: Record<Side, Child> = {
  before: await startFaultline(upstream.url, before),
  after: await startFaultline(upstream.url),
};
const children: Child[] = [gateways.before, gateways.after, upstream];
try {
  const direct = loadsFor(upstream.url, '', '').direct(stream);
  const via = (side: Side) => loadsFor(upstream.url, gateways[side].url, '').faultline(stream);
  const seq = async (load: typeof direct): Promise<number[]> =>
    (await sequential(load, requests, Math.ceil(requests / 10))).map((t) =>
      stream ? t.firstMs : t.endMs,
    );
  for (const side of SIDES) await runWrk(via(side), side, 16, 1); // warm-up
  const all: Round[] = [];
  for (let r = 0; r < rounds; r++) {
    const order = r % 2 === 0 ? SIDES : [...SIDES].reverse();
    const round = Object.fromEntries(FIGURES.map((f) => [f, { before: 0, after: 0 }])) as Round;
    const d = await seq(direct);
    for (const side of order) {
      const cpu0 = gateways[side].cpuMs();
      const t = await seq(via(side));
      round.cpuSeq[side] = ((gateways[side].cpuMs() - cpu0) * 1000) / (requests * 1.1);
      round.p50[side] = quantile(t, 0.5) - quantile(d, 0.5);
      round.p99[side] = quantile(t, 0.99) - quantile(d, 0.99);
    }
    const directRps = (await runWrk(direct, 'direct', 16, seconds)).rps;
    for (const side of order) {
      const cpu0 = gateways[side].cpuMs();
      const w = await runWrk(via(side), side, 16, seconds);
      round.cpuWrk[side] = ((gateways[side].cpuMs() - cpu0) * 1000) / w.requests;
      round.share[side] = (100 * w.rps) / directRps;
    }
    all.push(round);
    process.stdout.write(
      `round ${r + 1} (direct ${Math.round(directRps)} req/s): ${line(round)}\n`,
    );
  }
  const med = Object.fromEntries(
    FIGURES.map((f) => [
      f,
      { before: median(all.map((r) => r[f].before)), after: median(all.map((r) => r[f].after)) },
    ]),
  ) as Round;
  process.stdout.write(
    `median of ${rounds}${stream ? ' (streams, first byte)' : ''}: ${line(med)}\n`,
  );
} finally {
  for (const c of children) await c.stop();
}

/** `before → after` for each figure. */
function line(r: Round): string {
  const ab = (x: Record<Side, number>, digits: number): string =>
    `${x.before.toFixed(digits)} → ${x.after.toFixed(digits)}`;
  return [
    `added p50 ${ab(r.p50, 3)} ms`,
    `p99 ${ab(r.p99, 3)} ms`,
    `16 conns ${ab(r.share, 1)}% of direct`,
    `gateway CPU/request ${ab(r.cpuSeq, 0)} µs (one in flight), ${ab(r.cpuWrk, 0)} µs (16 conns)`,
  ].join(', ');
}
