/** The per-call verdict and the shared, frozen instances `classify` hands out (no allocation per call). */
import type {
  IntegrationReason,
  Layer,
  ModelReason,
  NetworkReason,
  NoneReason,
  Owner,
  ProviderReason,
  Reason,
} from './vocabulary.js';

/** Which layer failed for one call, why, whose move it is, and whether a retry can help. */
export interface Classification {
  readonly layer: Layer;
  readonly reason: Reason;
  readonly owner: Owner;
  readonly retryable: boolean;
}

const cache = new Map<string, Classification>();

function make(layer: Layer, reason: Reason, owner: Owner, retryable: boolean): Classification {
  const key = `${layer}/${reason}/${owner}/${String(retryable)}`;
  let found = cache.get(key);
  if (found === undefined) {
    found = Object.freeze({ layer, reason, owner, retryable });
    cache.set(key, found);
  }
  return found;
}

/** Our request, configuration, account or code. Owner `ours` unless the evidence is ambiguous. */
export function integration(
  reason: IntegrationReason,
  retryable = false,
  owner: Owner = 'ours',
): Classification {
  return make('integration', reason, owner, retryable);
}

/** The path between us and the provider. Per call the owner is `unknown` (spec/diagnosis.md). */
export function network(reason: NetworkReason, retryable = true): Classification {
  return make('network', reason, 'unknown', retryable);
}

/** The provider's API and infrastructure. */
export function provider(reason: ProviderReason, retryable = true): Classification {
  return make('provider', reason, 'provider', retryable);
}

/** A success status, but the output is wrong. */
export function model(reason: ModelReason, retryable = false): Classification {
  return make('model', reason, 'provider', retryable);
}

/** Not a failure: success (`ok`, nobody's move) or the caller's own cancellation. */
export function none(reason: NoneReason): Classification {
  return make('none', reason, reason === 'cancelled' ? 'ours' : 'unknown', false);
}

export const OK = none('ok');
export const CANCELLED = none('cancelled');
