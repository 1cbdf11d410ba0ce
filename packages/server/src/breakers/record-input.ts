/** A committed call record as breaker evidence: its stored layer and reason, probe or not. */
import { REASONS_BY_LAYER, type BreakerInput, type Classification } from '@faultline/core';
import type { StoredRecord } from '../store/port.js';

type Layer = Classification['layer'];
type Reason = Classification['reason'];

function isLayer(layer: string): layer is Layer {
  return Object.hasOwn(REASONS_BY_LAYER, layer);
}

/**
 * The `call` input of one stored record at `atMs`, or `undefined` for a status observation or a
 * row whose verdict is unreadable. Owner and retryability do not move a breaker (core/breaker/step.ts).
 */
export function callInput(r: StoredRecord, atMs: number): BreakerInput | undefined {
  if (r.kind !== 'call' || !isLayer(r.layer)) return undefined;
  const reasons: readonly string[] = REASONS_BY_LAYER[r.layer];
  const reason = r.reason ?? (r.layer === 'none' ? 'ok' : undefined);
  if (reason === undefined || !reasons.includes(reason)) return undefined;
  const classification: Classification = {
    layer: r.layer,
    reason: reason as Reason,
    owner: 'unknown',
    retryable: r.layer !== 'integration' && r.layer !== 'none',
  };
  return { type: 'call', atMs, classification, probe: r.source === 'probe' };
}
