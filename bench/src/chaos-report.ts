/** The chaos run's result, as JSON (`--json FILE`) and as the figures it prints. */
import type { CutProbes, FaultRecord } from './chaos-events.js';
import type { Invariant } from './chaos-invariants.js';
import type { WindowLatency } from './chaos-latency.js';
import type { ChaosPlan } from './chaos-plan.js';
import { int } from './serve-stats.js';

export interface RssSample {
  readonly atS: number;
  readonly replica: number;
  readonly pid: number;
  readonly mib: number;
}

export interface ChaosResult {
  readonly plan: ChaosPlan;
  readonly dir: string;
  readonly setupSeconds: number;
  readonly loadSeconds: number;
  /** Whether the replicas showed leader election at all (the gauge, or `cluster:` lines). */
  readonly leaderElection: boolean;
  readonly split: { readonly reads: number; readonly longestMs: number };
  readonly records: {
    readonly generated: number;
    readonly acked: number;
    readonly stored: number;
    readonly ackedLost: number;
    readonly storedTwice: number;
    readonly droppedBySinks: number;
    readonly networkFailures: number;
    readonly duplicateAnswers: number;
    readonly sinkErrors: Record<string, number>;
  };
  readonly live: readonly {
    id: string;
    state: string;
    events: string[];
    affected: number | undefined;
  }[];
  readonly offline: readonly { id: string; affected: number; resolved_at: string | null }[];
  readonly doubleCounted: number;
  readonly deliveries: readonly { type: string; incident: string; atS: number }[];
  readonly faults: readonly (FaultRecord & { atS: number; takeoverSeconds: number | null })[];
  readonly cut: CutProbes;
  readonly latency: { readonly windows: WindowLatency[]; readonly steady: WindowLatency };
  readonly rss: readonly RssSample[];
  readonly invariants: readonly Invariant[];
  readonly ok: boolean;
}

const ms = (n: number): string => (Number.isFinite(n) ? `${int(n)} ms` : 'n/a');

function rssLines(rss: readonly RssSample[]): string[] {
  const minutes = [...new Set(rss.map((s) => Math.round(s.atS / 60)))].sort((a, b) => a - b);
  const replicas = [...new Set(rss.map((s) => s.replica))].sort((a, b) => a - b);
  return replicas.map((r) => {
    const cells = minutes.map((m) => {
      const s = rss.find((x) => x.replica === r && Math.round(x.atS / 60) === m);
      return s === undefined ? '   -  ' : `${s.mib.toFixed(0).padStart(4)}  `;
    });
    return `  replica ${r} RSS MiB by minute ${minutes.join('/')}: ${cells.join('')}`;
  });
}

export function printReport(r: ChaosResult): void {
  const { records: rec, plan } = r;
  const out = (line: string): void => console.log(line);
  out(
    `chaos run (${plan.form}): ${plan.replicas} replicas, ${int(plan.rate)} records/s for ${plan.chaosSeconds} s, then ${int(plan.tailRate)}/s until resolved; load ${r.loadSeconds.toFixed(0)} s after ${r.setupSeconds.toFixed(1)} s of setup`,
  );
  if (!r.leaderElection)
    out('  NOTE: no replica showed leader election (no faultline_leader gauge, no cluster: lines)');
  out(
    `  records: ${int(rec.generated)} generated, ${int(rec.acked)} acknowledged, ${int(rec.stored)} stored; acknowledged lost ${rec.ackedLost}, stored twice ${rec.storedTwice}; dropped by the sinks ${rec.droppedBySinks}; POSTs with no answer ${rec.networkFailures}; duplicate answers ${rec.duplicateAnswers}`,
  );
  for (const f of r.faults) {
    const who =
      f.replica === undefined ? '' : ` replica ${f.replica}${f.wasLeader ? ' (leader)' : ''}:`;
    const took =
      f.takeoverSeconds === null
        ? 'no new leader'
        : `leader after ${f.takeoverSeconds.toFixed(1)} s (${f.takeoverHow})`;
    out(`  ${f.kind} at ${f.atS.toFixed(0)} s:${who} ${took}`);
  }
  out(
    `  cut: ${r.cut.answered503WithRetryAfter} probes answered 503 + Retry-After, ${r.cut.wrong.length} otherwise; records again ${r.cut.recoveredAfterMs ?? 'never'} ms after the restore`,
  );
  out(`  ingest POST p99: steady ${ms(r.latency.steady.p99Ms)} (${r.latency.steady.posts} POSTs)`);
  for (const w of r.latency.windows)
    out(
      `    during ${w.kind} at ${((w.fromMs - r.latency.steady.fromMs) / 1000).toFixed(0)} s: ${ms(w.p99Ms)} (${w.posts} POSTs, ${w.refused} not 2xx)`,
    );
  for (const i of r.live)
    out(
      `  live incident ${i.id}: ${i.state}, events ${i.events.join(',')}, affected calls ${i.affected ?? '?'}`,
    );
  for (const i of r.offline)
    out(
      `  offline diagnose ${i.id}: affected calls ${i.affected}, resolved ${i.resolved_at ?? 'no'}`,
    );
  out(`  records double-counted by the engine: ${r.doubleCounted}`);
  out(
    `  notifications: ${r.deliveries.map((d) => `${d.type} at ${d.atS.toFixed(0)} s`).join(', ') || 'none'}`,
  );
  if (r.split.reads > 0)
    out(`  two leaders at once in ${r.split.reads} reads (longest ${r.split.longestMs} ms)`);
  for (const line of rssLines(r.rss)) out(line);
  for (const c of r.invariants) out(`  ${c.ok ? 'ok  ' : 'FAIL'} ${c.name}: ${c.seen}`);
  out(`${r.ok ? 'all invariants held' : 'INVARIANTS FAILED'}; logs in ${r.dir}`);
}
