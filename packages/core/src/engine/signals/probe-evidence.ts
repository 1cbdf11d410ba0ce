/** The server's synthetic probes as evidence, and what they say about whose side a fault is on. */
import {
  evidence as item,
  type EvidenceOf,
  type FailureLayer,
  type ProbeFacts,
} from '../../diagnosis/index.js';
import type { ScopeStats } from '../scope-stats.js';
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
