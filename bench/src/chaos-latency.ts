/**
 * Ingest latency of the chaos run: the p99 of acknowledged POSTs (2xx) that started inside each
 * fault's window — from the fault to 5 s after its takeover or its end — beside the steady state:
 * the POSTs that started outside every window.
 */
import type { PostSample } from './chaos-acks.js';
import type { FaultRecord } from './chaos-events.js';
import { quantile } from './serve-stats.js';

/** Ms after a fault's takeover (or end) that still count as its window. */
const AFTER_MS = 5_000;

export interface WindowLatency {
  readonly kind: string;
  readonly fromMs: number;
  readonly toMs: number;
  readonly posts: number;
  /** Answers other than 2xx in the window (503s from a cut replica, 409s of resends). */
  readonly refused: number;
  readonly p99Ms: number;
}

export function faultWindow(f: FaultRecord): { fromMs: number; toMs: number } {
  return { fromMs: f.atMs, toMs: Math.max(f.takeoverMs ?? 0, f.endMs) + AFTER_MS };
}

function p99(samples: readonly PostSample[]): number {
  return quantile(
    samples.filter((s) => s.status >= 200 && s.status < 300).map((s) => s.ms),
    0.99,
  );
}

export function latencyByWindow(
  posts: readonly PostSample[],
  faults: readonly FaultRecord[],
  loadStartMs: number,
): { windows: WindowLatency[]; steady: WindowLatency } {
  const windows = faults.map((f) => {
    const { fromMs, toMs } = faultWindow(f);
    const inside = posts.filter((p) => p.startMs >= fromMs && p.startMs < toMs);
    const refused = inside.filter((p) => p.status < 200 || p.status >= 300).length;
    return { kind: f.kind, fromMs, toMs, posts: inside.length, refused, p99Ms: p99(inside) };
  });
  const steadyPosts = posts.filter(
    (p) =>
      p.startMs >= loadStartMs + AFTER_MS &&
      !windows.some((w) => p.startMs >= w.fromMs && p.startMs < w.toMs),
  );
  const steady = {
    kind: 'steady',
    fromMs: loadStartMs,
    toMs: Date.now(),
    posts: steadyPosts.length,
    refused: steadyPosts.filter((p) => p.status < 200 || p.status >= 300).length,
    p99Ms: p99(steadyPosts),
  };
  return { windows, steady };
}
