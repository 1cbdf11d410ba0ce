/**
 * The chaos run (issue 14): replicas of `faultline serve` on one PostgreSQL under SDK batch-sink
 * load with one known fault in the traffic, while the leader is SIGKILLed, one replica's
 * PostgreSQL connection is cut and PostgreSQL restarts. Prints the figures, writes them as JSON
 * with `--json FILE`, and exits 1 when an invariant failed.
 *
 *   node bench/dist/chaos-run.js            # full: 10 min at 5,000 records/s (npm run chaos)
 *   node bench/dist/chaos-run.js --short    # CI: under 5 minutes, no PostgreSQL restart
 *   --rate N (records/s), --no-pg-restart, --json FILE, --keep (keep the database)
 */
import { writeFileSync } from 'node:fs';
import { AckLog } from './chaos-acks.js';
import { startCluster, type Cluster } from './chaos-cluster.js';
import type { CutProbes } from './chaos-events.js';
import { judgeRun } from './chaos-judge.js';
import { LeaderWatch } from './chaos-leader.js';
import { injectFaults, sampleRss, untilResolved, waitForLeader } from './chaos-phases.js';
import { planFromArgs, stringFlag, type ChaosPlan } from './chaos-plan.js';
import { printReport, type ChaosResult, type RssSample } from './chaos-report.js';
import { Traffic } from './chaos-traffic.js';
import { sleep } from './serve-stats.js';

async function runOn(cluster: Cluster, plan: ChaosPlan, setupMs: number): Promise<ChaosResult> {
  const watch = new LeaderWatch(cluster.replicas);
  watch.start();
  await waitForLeader(watch, 20_000);
  const acks = new AckLog(plan.clients + 1);
  const t0 = Date.now();
  const fault = {
    fromMs: t0 + plan.fault.from * 1000,
    toMs: t0 + plan.fault.to * 1000,
    share: plan.fault.share,
  };
  const traffic = new Traffic({
    replicaUrls: cluster.replicas.map((r) => r.url),
    token: cluster.ingestToken,
    clients: plan.clients,
    fault,
    acks,
  });
  const rss: RssSample[] = [];
  const stopRss = sampleRss(cluster, t0, 60_000, rss);
  traffic.setRate(plan.rate);
  const cut: CutProbes = { answered503WithRetryAfter: 0, wrong: [], recoveredAfterMs: undefined };
  const ctx = { cluster, watch, acks, probeClient: plan.clients, fault };
  const faults = await injectFaults(plan, t0, ctx, cut);
  await sleep(Math.max(0, t0 + plan.chaosSeconds * 1000 - Date.now()));
  traffic.setRate(plan.tailRate);
  await untilResolved(cluster.db.url, t0 + plan.resolveBy * 1000);
  await traffic.stop();
  await sleep(5000); // the resolved notification's delivery
  stopRss();
  await watch.stop();
  const endMs = Date.now();
  return judgeRun({ plan, cluster, watch, acks, traffic, faults, cut, rss, setupMs, t0, endMs });
}

async function run(plan: ChaosPlan, keepDatabase: boolean): Promise<ChaosResult> {
  const setupMs = Date.now();
  const cluster = await startCluster(plan.replicas);
  try {
    return await runOn(cluster, plan, setupMs);
  } finally {
    await cluster.close(keepDatabase);
  }
}

const plan = planFromArgs(process.argv);
const jsonFile = stringFlag(process.argv, 'json');
const result = await run(plan, process.argv.includes('--keep'));
printReport(result);
if (jsonFile !== undefined) writeFileSync(jsonFile, JSON.stringify(result, null, 2));
process.exit(result.ok ? 0 : 1);
