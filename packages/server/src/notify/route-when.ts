/** Routing by `when` (config.md `notify[].when`): every key given must match; absent keys match all. */
import type { DocumentIncident } from '@faultline/core';
import type { NotifyWhen } from './notify-config.js';

/**
 * Whether a channel with this `when` receives `incident`. `provider` matches the incident's
 * provider; a global incident (`provider: null`) matches a provider filter when any of its error
 * shares names that provider, since the fault reaches that provider's calls too.
 */
export function matchesWhen(when: NotifyWhen, incident: DocumentIncident): boolean {
  if (when.layer !== undefined && !when.layer.includes(incident.layer)) return false;
  if (when.owner !== undefined && !when.owner.includes(incident.owner)) return false;
  if (when.scope !== undefined && !when.scope.includes(incident.scope)) return false;
  if (when.provider !== undefined) {
    const providers = providersOf(incident);
    if (!when.provider.some((p) => providers.includes(p))) return false;
  }
  return true;
}

/** The providers an incident touches: its own, or for a global one those its evidence names. */
function providersOf(incident: DocumentIncident): readonly string[] {
  if (incident.provider !== null) return [incident.provider];
  const named: string[] = [];
  for (const e of incident.evidence) if (e.kind === 'error_rate') named.push(...e.facts.providers);
  return named;
}
