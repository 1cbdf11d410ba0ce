/** Picks the fact sentence for an incident's layer. */
import type { FaultPhrase } from './fault-phrase.js';
import type { IncidentFacts } from './incident-facts.js';
import { integrationPhrase } from './integration-phrase.js';
import { modelPhrase } from './model-phrase.js';
import { networkPhrase } from './network-phrase.js';
import { providerPhrase } from './provider-phrase.js';

/** The parts of "<subject> has been <doing>" for the incident's layer and reason. */
export function describeFault(f: IncidentFacts): FaultPhrase {
  switch (f.incident.layer) {
    case 'provider':
      return providerPhrase(f);
    case 'network':
      return networkPhrase(f);
    case 'integration':
      return integrationPhrase(f);
    case 'model':
      return modelPhrase(f);
  }
}
