/**
 * Which replica leads, as the replicas say it: each one's `/metrics` gauge `faultline_leader`
 * (1 on the leader, 0 on followers), read every 200 ms, and their `cluster: leader (lock
 * acquired)` log lines. A takeover is the first sign, after a given moment, that a replica other
 * than the one that fell became leader.
 */
import type { Replica } from './chaos-replica.js';
import { sleep } from './serve-stats.js';

/** What a replica's gauge read: 1, 0, or undefined (down, or no such gauge). */
type Gauge = 0 | 1 | undefined;

/** A gauge turning to 1, or a leader log line: replica `index` led from `atMs` on. */
interface LeaderSign {
  readonly index: number;
  readonly atMs: number;
  readonly how: 'gauge' | 'log';
}

const LEADER_LINE = 'cluster: leader (lock acquired)';

async function readGauge(url: string): Promise<Gauge> {
  try {
    const res = await fetch(`${url}/metrics`, { signal: AbortSignal.timeout(1000) });
    const text = await res.text();
    const m = /^faultline_leader(?:\{[^}]*\})? (\d+(?:\.\d+)?)$/m.exec(text);
    return m === null ? undefined : Number(m[1]) >= 1 ? 1 : 0;
  } catch {
    return undefined;
  }
}

export class LeaderWatch {
  private readonly gauges: Gauge[];
  private readonly signs: LeaderSign[] = [];
  private stopped = false;
  private loop: Promise<void> | undefined;
  /** Whether any replica ever exposed the gauge (false: the build has no leader election). */
  sawGauge = false;
  /** Reads (every 200 ms) in which two or more gauges said 1 at once, and the longest run of them. */
  readonly split = { reads: 0, longestMs: 0, sinceMs: undefined as number | undefined };

  constructor(private readonly replicas: readonly Replica[]) {
    this.gauges = replicas.map(() => undefined);
  }

  start(): void {
    this.loop = (async () => {
      while (!this.stopped) {
        const read = await Promise.all(this.replicas.map((r) => readGauge(r.url)));
        const atMs = Date.now();
        read.forEach((g, index) => {
          if (g !== undefined) this.sawGauge = true;
          if (g === 1 && this.gauges[index] !== 1) this.signs.push({ index, atMs, how: 'gauge' });
          this.gauges[index] = g;
        });
        this.noteSplit(atMs);
        await sleep(200);
      }
    })();
  }

  private noteSplit(atMs: number): void {
    if (this.leaders().length < 2) {
      this.split.sinceMs = undefined;
      return;
    }
    this.split.reads++;
    this.split.sinceMs ??= atMs;
    this.split.longestMs = Math.max(this.split.longestMs, atMs - this.split.sinceMs);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await this.loop;
  }

  /** The replicas whose gauge reads 1 now. */
  leaders(): number[] {
    return this.gauges.flatMap((g, i) => (g === 1 ? [i] : []));
  }

  /** Every sign of leadership at or after `sinceMs` by a replica other than `except`, earliest first. */
  private signsSince(sinceMs: number, except: number | undefined): LeaderSign[] {
    const logs = this.replicas.flatMap((r) =>
      r.cluster
        .filter((c) => c.line.includes(LEADER_LINE))
        .map((c) => ({ index: r.index, atMs: c.atMs, how: 'log' as const })),
    );
    return [...this.signs, ...logs]
      .filter((s) => s.atMs >= sinceMs && s.index !== except)
      .sort((a, b) => a.atMs - b.atMs);
  }

  /**
   * Resolves to the first leadership sign after `sinceMs` from a replica other than `except`,
   * or undefined when none came within `withinMs`.
   */
  async takeover(
    sinceMs: number,
    except: number | undefined,
    withinMs: number,
  ): Promise<LeaderSign | undefined> {
    const deadline = sinceMs + withinMs;
    for (;;) {
      const first = this.signsSince(sinceMs, except)[0];
      if (first !== undefined || Date.now() > deadline) return first;
      await sleep(100);
    }
  }

  /** The one leader now, when exactly one gauge reads 1 (else the lowest index, or undefined). */
  leader(): number | undefined {
    return this.leaders()[0];
  }
}
