/**
 * Deadline change: calls cut by our own deadline are ours when the deadline was lowered shortly
 * before (below normal latency); when it did not change, the provider slowed past it.
 */
import { evidence as item } from '../../diagnosis/index.js';
import { DEADLINE } from '../tuning.js';
import { newestOf, type Signal } from './signal.js';

/** The deadline signal: notes the deadline in force, and decides whose a timeout incident is. */
export const deadline: Signal<number> = {
  name: 'deadline',
  // The deadline in force is a fact, not a baseline: noted as each bucket closes, incident or not.
  read({ stats }) {
    const newest = newestOf(stats);
    if (newest !== undefined) stats.noteDeadline(newest);
    return Number.isNaN(stats.deadlineMs) ? undefined : stats.deadlineMs;
  },
  revise(p, ev) {
    const c = p.candidate;
    if (c.layer !== 'integration' || c.reason !== 'client_timeout' || c.provider === null) return p;
    // An open incident keeps its verdict: the window sees ten minutes, the incident saw its start.
    const sticky = ev.earlier(c.provider);
    if (sticky === 'ours') return p;
    const models = [...ev.reg.providers.get(c.provider)!.models.values()].filter((m) =>
      c.models.includes(m.model!),
    );
    const changed = models.find(
      (m) =>
        m.deadlineMs < m.previousDeadlineMs * DEADLINE.loweredBelow &&
        m.deadlineChangedMs >= c.startMs - DEADLINE.changedWithinMs,
    );
    if (changed !== undefined && sticky === undefined) {
      const lowered = item('deadline', {
        change: 'lowered',
        deadline_ms: changed.deadlineMs,
        previous_deadline_ms: changed.previousDeadlineMs,
        changed_at: new Date(changed.deadlineChangedMs).toISOString(),
      });
      return { ...p, candidate: { ...c, evidence: [...c.evidence, lowered] } };
    }
    const inForce = models.find((m) => !Number.isNaN(m.deadlineMs))?.deadlineMs;
    const unchanged = item('deadline', {
      change: 'unchanged',
      deadline_ms: inForce ?? null,
      models: c.models,
    });
    const candidate = {
      ...c,
      layer: 'provider' as const,
      reason: 'slow' as const,
      owner: 'provider' as const,
      reasons: new Map([['slow' as const, 1]]),
      evidence: [unchanged, ...c.evidence.filter((e) => e.kind !== 'error_rate')],
    };
    return { ...p, candidate };
  },
};
