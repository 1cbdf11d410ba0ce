/** The fact sentence of a network-layer incident: which step of reaching the provider fails. */
import type { NetworkReason } from '../classify/index.js';
import { phrase, type FaultPhrase } from './fault-phrase.js';
import type { IncidentFacts } from './incident-facts.js';

const STEP: Readonly<Record<NetworkReason, (api: string, to: string) => FaultPhrase>> = {
  dns: (api) => phrase(`DNS lookups for ${api}`, 'failing', { plural: true }),
  connect_refused: (api) => phrase(`Connections to ${api}`, 'refused', { plural: true }),
  connect_timeout: (api) => phrase(`Connection attempts to ${api}`, 'timing out', { plural: true }),
  reset: (api) =>
    phrase(`Connections to ${api}`, 'cut off (reset) part-way through requests', { plural: true }),
  tls: (api) =>
    phrase(`Secure (TLS) connections to ${api}`, 'failing during the handshake', { plural: true }),
  proxy: (_api, to) =>
    phrase(`A proxy between us and ${to}`, `answering with errors instead of ${to}`),
  edge_rejected: (api, to) =>
    phrase(`An edge network in front of ${to}`, `rejecting our requests before they reach ${api}`),
};

/** "Connection attempts to OpenAI's API have been timing out …". */
export function networkPhrase(f: IncidentFacts): FaultPhrase {
  const to = f.global ? 'the providers' : f.party;
  const reason = f.incident.reason;
  if (Object.hasOwn(STEP, reason)) return STEP[reason as NetworkReason](f.api, to);
  return phrase(`Requests to ${f.api}`, 'failing on the way there', { plural: true });
}
