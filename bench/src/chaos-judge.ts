/**
 * Judges a finished chaos run: reads the store behind the replicas' backs (acknowledged records
 * lost, records stored twice, the incidents), diagnoses the stored records offline, counts the
 * notifications, and assembles the figures with the invariants.
 */
import type { AckLog } from './chaos-acks.js';
import type { Cluster } from './chaos-cluster.js';
import type { CutProbes, FaultRecord } from './chaos-events.js';
import { doubleCounted, invariants } from './chaos-invariants.js';
import { latencyByWindow } from './chaos-latency.js';
import type { LeaderWatch } from './chaos-leader.js';
import { diagnoseStored } from './chaos-offline.js';
import type { ChaosPlan } from './chaos-plan.js';
import type { ChaosResult, RssSample } from './chaos-report.js';
import { auditRecords, storedIncidents } from './chaos-store.js';
import type { Traffic } from './chaos-traffic.js';

/** What the load phase leaves for the judgement. */
export interface FinishedRun {
  readonly plan: ChaosPlan;
  readonly cluster: Cluster;
  readonly watch: LeaderWatch;
  readonly acks: AckLog;
  readonly traffic: Traffic;
  readonly faults: readonly FaultRecord[];
  readonly cut: CutProbes;
  readonly rss: readonly RssSample[];
  readonly setupMs: number;
  readonly t0: number;
  readonly endMs: number;
}

/** Stops the replicas (SIGTERM) and judges what they left in the store. */
export async function judgeRun(run: FinishedRun): Promise<ChaosResult> {
  const { plan, cluster, watch, acks, traffic, faults, cut, rss, setupMs, t0 } = run;
  const loadSeconds = (run.endMs - t0) / 1000;
  await Promise.all(cluster.replicas.map((r) => r.stop()));
  const audit = await auditRecords(cluster.db.url, acks);
  const live = await storedIncidents(cluster.db.url);
  const offline = await diagnoseStored(cluster.db.url, cluster.dir);
  const facts = {
    audit,
    rejectedLines: acks.rejected,
    live,
    offline,
    deliveries: cluster.hooks.deliveries,
    refusedDeliveries: cluster.hooks.refused.count,
    faults,
    cut,
    unexpectedExits: cluster.replicas.reduce((n, r) => n + r.unexpectedExits, 0),
    takeoverLimitMs: plan.takeoverLimitMs,
  };
  const checks = invariants(facts);
  return {
    plan,
    dir: cluster.dir,
    setupSeconds: (t0 - setupMs) / 1000,
    loadSeconds,
    leaderElection: watch.sawGauge || cluster.replicas.some((r) => r.cluster.length > 0),
    split: { ...watch.split },
    records: {
      generated: acks.totalGenerated,
      acked: acks.totalAcked,
      ...audit,
      droppedBySinks: traffic.dropped,
      networkFailures: acks.networkFailures,
      duplicateAnswers: acks.duplicateAnswers,
      sinkErrors: Object.fromEntries(traffic.sinkErrors),
    },
    live: live.map((i) => ({
      id: i.id,
      state: i.state,
      events: i.events,
      affected: i.doc.affected_calls,
    })),
    offline: offline.map((i) => ({
      id: i.id,
      affected: i.affected_calls,
      resolved_at: i.resolved_at,
    })),
    doubleCounted: doubleCounted(facts),
    deliveries: cluster.hooks.deliveries.map((d) => ({
      type: d.type,
      incident: d.incident,
      atS: (d.atMs - t0) / 1000,
    })),
    faults: faults.map((f) => ({
      ...f,
      atS: (f.atMs - t0) / 1000,
      takeoverSeconds: f.takeoverMs === undefined ? null : (f.takeoverMs - f.atMs) / 1000,
    })),
    cut,
    latency: latencyByWindow(acks.posts, faults, t0),
    rss,
    invariants: checks,
    ok: checks.every((c) => c.ok),
  };
}
