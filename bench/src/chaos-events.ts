/**
 * The faults the chaos run injects, each measured as it happens: a SIGKILL of the leader (and
 * its restart once another replica took over), the cut of one replica's PostgreSQL connection
 * (probing that replica's ingest all along: it must answer 503 with Retry-After), and a restart
 * of PostgreSQL itself.
 */
import type { AckLog } from './chaos-acks.js';
import type { Cluster } from './chaos-cluster.js';
import type { LeaderWatch } from './chaos-leader.js';
import { chaosRecord, type FaultWindow } from './chaos-records.js';
import { restartPostgres } from './chaos-store.js';
import { sleep } from './serve-stats.js';

/** A fault's window, for the ingest latency during it, and who led after it. */
export interface FaultRecord {
  readonly kind: 'kill' | 'cut' | 'pg-restart';
  readonly replica: number | undefined;
  readonly wasLeader: boolean;
  readonly atMs: number;
  /** The first sign of a (new) leader after it; undefined when none came in time. */
  readonly takeoverMs: number | undefined;
  readonly takeoverHow: string | undefined;
  /** When the fault was over (the killed replica back, the cut restored, PostgreSQL up). */
  readonly endMs: number;
}

export interface ChaosContext {
  readonly cluster: Cluster;
  readonly watch: LeaderWatch;
  readonly acks: AckLog;
  /** The AckLog slot of the harness's own probe records. */
  readonly probeClient: number;
  readonly fault: FaultWindow;
}

const TAKEOVER_WAIT_MS = 30_000;

/** SIGKILL the leader (replica `fallback` when none is known), wait for a takeover, restart it. */
export async function killLeader(ctx: ChaosContext, fallback: number): Promise<FaultRecord> {
  const leader = ctx.watch.leader();
  const index = leader ?? fallback;
  const replica = ctx.cluster.replicas[index]!;
  const atMs = Date.now();
  await replica.kill();
  const sign = await ctx.watch.takeover(atMs, index, TAKEOVER_WAIT_MS);
  await replica.start();
  const base = { kind: 'kill' as const, replica: index, wasLeader: leader !== undefined, atMs };
  return { ...base, takeoverMs: sign?.atMs, takeoverHow: sign?.how, endMs: Date.now() };
}

/** What the cut replica answered to the harness's own POSTs while it was cut. */
export interface CutProbes {
  answered503WithRetryAfter: number;
  /** Anything else: another status, a 503 without Retry-After, no answer in 8 s. */
  wrong: string[];
  /** Ms from the restore to its first 200. */
  recoveredAfterMs: number | undefined;
}

async function probePost(ctx: ChaosContext, url: string): Promise<string> {
  const n = ctx.acks.generated[ctx.probeClient]!++;
  const body = JSON.stringify(chaosRecord(ctx.probeClient, n, Date.now(), ctx.fault)) + '\n';
  try {
    const res = await fetch(`${url}/v1/records`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${ctx.cluster.ingestToken}`,
        'content-type': 'application/x-ndjson',
      },
      body,
      signal: AbortSignal.timeout(8000),
    });
    await res.text();
    if (res.status === 200) ctx.acks.ackBody(body, new Set());
    if (res.status === 503 && res.headers.get('retry-after') !== null) return '503+retry-after';
    return String(res.status);
  } catch (e: unknown) {
    return `no answer (${e instanceof Error ? e.message : String(e)})`;
  }
}

/** Cuts the leader's (or `fallback`'s) PostgreSQL connection for `seconds`, probing its ingest. */
export async function cutReplica(
  ctx: ChaosContext,
  fallback: number,
  seconds: number,
  probes: CutProbes,
): Promise<FaultRecord> {
  const leader = ctx.watch.leader();
  const index = leader ?? fallback;
  const { url } = ctx.cluster.replicas[index]!;
  const atMs = Date.now();
  await ctx.cluster.proxies[index]!.cut();
  const takeover = ctx.watch.takeover(atMs, index, TAKEOVER_WAIT_MS);
  while (Date.now() < atMs + seconds * 1000) {
    const answer = await probePost(ctx, url);
    if (answer === '503+retry-after') probes.answered503WithRetryAfter++;
    else probes.wrong.push(answer);
    await sleep(500);
  }
  await ctx.cluster.proxies[index]!.restore();
  const restoredMs = Date.now();
  while (probes.recoveredAfterMs === undefined && Date.now() < restoredMs + 30_000) {
    if ((await probePost(ctx, url)) === '200') probes.recoveredAfterMs = Date.now() - restoredMs;
    else await sleep(250);
  }
  const sign = leader === undefined ? undefined : await takeover;
  const base = { kind: 'cut' as const, replica: index, wasLeader: leader !== undefined, atMs };
  return { ...base, takeoverMs: sign?.atMs, takeoverHow: sign?.how, endMs: restoredMs };
}

/** Restarts PostgreSQL and waits for a leader again (any replica). */
export async function restartPg(ctx: ChaosContext): Promise<FaultRecord> {
  const atMs = Date.now();
  await restartPostgres();
  const endMs = Date.now();
  const sign = await ctx.watch.takeover(atMs, undefined, TAKEOVER_WAIT_MS);
  const base = { kind: 'pg-restart' as const, replica: undefined, wasLeader: false, atMs };
  return { ...base, takeoverMs: sign?.atMs, takeoverHow: sign?.how, endMs };
}
