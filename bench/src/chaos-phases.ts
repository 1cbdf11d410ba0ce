/**
 * The phases of a chaos run around the load: waiting for one leader, sampling each replica's RSS,
 * injecting the plan's faults at their times, and waiting for the incident to resolve.
 */
import type { Cluster } from './chaos-cluster.js';
import {
  cutReplica,
  killLeader,
  restartPg,
  type ChaosContext,
  type CutProbes,
  type FaultRecord,
} from './chaos-events.js';
import type { LeaderWatch } from './chaos-leader.js';
import type { ChaosPlan } from './chaos-plan.js';
import type { RssSample } from './chaos-report.js';
import { storedIncidents } from './chaos-store.js';
import { sleep } from './serve-stats.js';

/** Resolves once exactly one replica's gauge says leader, or after `withinMs` anyway. */
export async function waitForLeader(watch: LeaderWatch, withinMs: number): Promise<void> {
  const deadline = Date.now() + withinMs;
  while (watch.leaders().length !== 1 && Date.now() < deadline) await sleep(200);
}

/** Samples each replica's RSS (VmRSS) now and every `everyMs` into `out`; returns the stop. */
export function sampleRss(
  cluster: Cluster,
  t0: number,
  everyMs: number,
  out: RssSample[],
): () => void {
  const take = (): void => {
    for (const r of cluster.replicas) {
      const mib = r.rssMiB();
      if (mib !== undefined)
        out.push({ atS: (Date.now() - t0) / 1000, replica: r.index, pid: r.pid!, mib });
    }
  };
  take();
  const timer = setInterval(take, everyMs);
  return () => {
    take();
    clearInterval(timer);
  };
}

/** Injects the plan's faults at their times; resolves with what each did. */
export function injectFaults(
  plan: ChaosPlan,
  t0: number,
  ctx: ChaosContext,
  cut: CutProbes,
): Promise<FaultRecord[]> {
  const at = (s: number): Promise<void> => sleep(Math.max(0, t0 + s * 1000 - Date.now()));
  const tasks = [
    ...plan.killsAt.map(async (s, i) => (await at(s), killLeader(ctx, i % plan.replicas))),
    (async () => (await at(plan.cut.at), cutReplica(ctx, 1, plan.cut.seconds, cut)))(),
    ...(plan.pgRestartAt === null
      ? []
      : [(async () => (await at(plan.pgRestartAt!), restartPg(ctx)))()]),
  ];
  return Promise.all(tasks).then((faults) => faults.sort((a, b) => a.atMs - b.atMs));
}

/** Resolves once every stored incident is resolved (and there is one), or at `byMs`. */
export async function untilResolved(dbUrl: string, byMs: number): Promise<void> {
  while (Date.now() < byMs) {
    const incidents = await storedIncidents(dbUrl).catch(() => []);
    if (incidents.length > 0 && incidents.every((i) => i.state === 'resolved')) return;
    await sleep(3000);
  }
}
