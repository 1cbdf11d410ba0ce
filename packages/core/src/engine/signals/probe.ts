/**
 * Probe results: the server's own small calls per model, judged as rounds (probe-rounds.ts). Many
 * failed rounds raise the layer they failed in, at night too; failing alongside the apps' calls
 * they confirm a fault and date its start; succeeding while the apps' network calls fail, they
 * put the fault on our side.
 */
import { PROBE } from '../tuning.js';
import {
  probeEvidence,
  probedBefore,
  probeFailuresSince,
  probesHealthy,
  providerProbesSince,
} from './probe-evidence.js';
import { readRounds, roundsVerdict, type ProbeRounds } from './probe-rounds.js';
import type { EvidenceOf } from '../../diagnosis/index.js';
import { readingOf, type Proposal, type Evaluation, type Signal } from './signal.js';

/** The probe signal: raises on failed rounds, adds probe evidence, owns a network fault it got past. */
export const probe: Signal<ProbeRounds> = {
  name: 'probe',
  read: ({ stats }) => readRounds(stats),
  verdict: (r, layer) => roundsVerdict(r, layer),
  revise(p, ev) {
    const c = p.candidate;
    if (p.basis !== 'failures') return p;
    const side = c.layer === 'network' && c.provider !== null ? networkSide(p, ev) : undefined;
    if (side === 'wait') return { ...p, held: true };
    const members = probeEvidence(p.members, c.layer, c.models);
    const probes = side ?? members;
    if (probes === undefined) return p;
    // The server's probes of the same provider getting through while the apps' calls cannot:
    // the apps' own path (egress, resolver, proxy) is broken, not the provider's.
    const ours =
      side !== undefined ||
      (c.layer === 'network' && c.provider !== null && probesHealthy(probes.facts));
    const candidate = {
      ...c,
      owner: ours ? ('ours' as const) : c.owner,
      // A golden incident already starts at its first failed check, the most precise time.
      startMs: c.evidence.some((e) => e.kind === 'golden')
        ? c.startMs
        : Math.min(c.startMs, probesSince(p, ev)),
      evidence: [...c.evidence, probes],
    };
    return { ...p, candidate };
  },
};

/**
 * Whose side a provider's network fault is on, by the server's probes of that provider since the
 * fault began: their evidence when they got through (ours), `wait` while a provider the server
 * probes has not been probed since (no verdict on the provider before its probes could speak,
 * `PROBE.ownerWaitMs` at most), and undefined when they failed or there are none to wait for.
 */
function networkSide(p: Proposal, ev: Evaluation): EvidenceOf<'probe'> | 'wait' | undefined {
  const c = p.candidate;
  const scopes = ev.reg.providers.get(c.provider!);
  if (scopes === undefined) return undefined;
  // An open incident's run, not the candidate's: a late burst's walk back starts in its tail.
  const startMs = Math.min(c.startMs, ev.openSince(c.layer, c.provider) ?? Infinity);
  const since = providerProbesSince(scopes, startMs);
  if (since !== undefined && probesHealthy(since.facts)) return since;
  if (probeFailuresSince(scopes, startMs) > 0) return undefined;
  const waiting = ev.reg.clock.startMs - startMs < PROBE.ownerWaitMs;
  return waiting && probedBefore(scopes, startMs) ? 'wait' : undefined;
}

/**
 * The first failure of the members' runs of failing probe rounds at the proposal's layer, when
 * two or more rounds failed: at a call a minute the apps' buckets are too thin to walk back on.
 */
function probesSince(p: Proposal, ev: Evaluation): number {
  let since = Infinity;
  for (const m of p.members) {
    const r = readingOf(ev.evals.get(m), probe);
    if (r === undefined || r.layer !== p.candidate.layer || r.failed < PROBE.sustainFailed)
      continue;
    if (r.sinceMs < since) since = r.sinceMs;
  }
  return since;
}
