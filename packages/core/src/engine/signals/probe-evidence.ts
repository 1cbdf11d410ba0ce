/** The server's synthetic probes as evidence, and what they say about whose side a fault is on. */
import {
  evidence as item,
  type EvidenceOf,
  type FailureLayer,
  type ProbeFacts,
} from '../../diagnosis/index.js';
import type { ProviderScopes } from '../scope-registry.js';
import { BUCKET_MS, type ScopeStats } from '../scope-stats.js';
import { PROBE } from '../tuning.js';

/**
 * The server's synthetic probes of the affected models in the last ten minutes' buckets that saw
 * failures of `layer` (two or more, or most of a quiet bucket's calls: the fault's buckets, not
 * noise or the healthy ones around it), failing or not: failing alongside real traffic they
 * confirm the fault; succeeding, they say the provider answers.
 */
export function probeEvidence(
  members: readonly ScopeStats[],
  layer: FailureLayer,
  models: readonly string[],
): EvidenceOf<'probe'> | undefined {
  let probes = 0;
  let failed = 0;
  for (const m of members) {
    for (const b of m.recent(PROBE.runBuckets)) {
      const f = b.fails[layer];
      if (f === 0 || (f < PROBE.faultBucketFailures && f < PROBE.faultBucketShare * b.calls))
        continue;
      probes += b.probes;
      failed += b.probeFails;
    }
  }
  if (probes === 0) return undefined;
  return item('probe', { models, failed, probes });
}

/** Enough probes to judge, and few of them failed. */
export function probesHealthy(f: ProbeFacts): boolean {
  return f.probes >= PROBE.healthyMin && f.failed <= PROBE.healthyFailShare * f.probes;
}

/**
 * The probes of every model of `provider` made since `sinceMs` (from its bucket on), as
 * evidence naming the models probed (buckets after the one `sinceMs` falls in); undefined when
 * none was. At the start of a fault the
 * affected models' own probes are one or two: the provider's other models are probed on the
 * server's path too, and answer the same question (does the provider take connections?).
 */
export function providerProbesSince(
  p: ProviderScopes,
  sinceMs: number,
): EvidenceOf<'probe'> | undefined {
  let probes = 0;
  let failed = 0;
  const models: string[] = [];
  for (const m of p.models.values()) {
    let own = 0;
    for (const b of m.recent(PROBE.runBuckets)) {
      // The bucket of the first failure holds calls from before it: only whole buckets after.
      if (b.startMs < sinceMs) break;
      own += b.probes;
      failed += b.probeFails;
    }
    if (own > 0) models.push(m.model!);
    probes += own;
  }
  if (probes === 0) return undefined;
  return item('probe', { models: models.sort(), failed, probes });
}

/**
 * Failed probes of `provider`'s models from the bucket `sinceMs` falls in on: a failure there
 * counts (the fault's first failure is in it), a success there may predate the fault.
 */
export function probeFailuresSince(p: ProviderScopes, sinceMs: number): number {
  let failed = 0;
  for (const b of p.stats.recent(PROBE.runBuckets)) {
    if (b.startMs + BUCKET_MS <= sinceMs) break;
    failed += b.probeFails;
  }
  return failed;
}

/** Whether the server probed `provider` in the ten minutes before `beforeMs`. */
export function probedBefore(p: ProviderScopes, beforeMs: number): boolean {
  for (const b of p.stats.recent(PROBE.runBuckets))
    if (b.startMs + BUCKET_MS <= beforeMs && b.probes > 0) return true;
  return false;
}
