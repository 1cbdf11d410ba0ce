/** Whose layer broke, in plain words: the lead-in of a fact sentence and the "cause" sentence. */
import type { IncidentFacts } from './incident-facts.js';
import { possessive } from '../format/index.js';

/** Reasons that follow something we changed; the others are our account or configuration. */
const CHANGES: ReadonlySet<string> = new Set([
  'bad_request',
  'context_length',
  'not_found',
  'request_too_large',
  'client_timeout',
  'client_error',
]);

/** "Anthropic's" for the side of a party: "Google's Gemini API" is on "Google's" side. */
export function sideOf(f: IncidentFacts): string {
  return f.global ? "the providers'" : possessive(f.party.replace(/'s .*$/, ''));
}

/** "Our network path to OpenAI is failing: ", "A change on our side is causing …: ", or "". */
export function layerIntro(f: IncidentFacts, past: boolean, subjectNamesApi = false): string {
  const to = f.global ? 'the AI providers' : f.party;
  if (f.incident.layer === 'network')
    return `Our network path to ${to} ${past ? 'was' : 'is'} failing: `;
  if (f.incident.layer !== 'integration') return '';
  const what = CHANGES.has(f.incident.reason)
    ? 'A change on our side'
    : 'A problem with our own account or configuration';
  const target = subjectNamesApi ? '' : ` to ${f.global ? 'all providers' : f.party}`;
  return `${what} ${past ? 'caused' : 'is causing'} requests${target} to fail: `;
}

/** "Anthropic's API: the fault is on Anthropic's side, not in our service" (after "traced to"). */
export function causeWords(f: IncidentFacts, past: boolean): string {
  const is = past ? 'was' : 'is';
  const notAt = f.global ? 'not at any provider' : `not at ${f.party}`;
  const { layer, owner } = f.incident;
  if (layer === 'provider')
    return `${f.api}: the fault ${is} on ${sideOf(f)} side, not in our service`;
  if (layer === 'integration') {
    return `our own integration with ${f.global ? 'the providers' : f.party}: the fault ${is} on our side, ${notAt}`;
  }
  if (layer === 'model') {
    const whose = f.global ? f.modelWords : `${possessive(f.party)} ${f.modelWords}`;
    return `the output of ${whose}, on ${sideOf(f)} side: requests ${past ? 'succeeded' : 'succeed'}, but what ${past ? 'came' : 'comes'} back ${is} wrong`;
  }
  if (owner === 'ours') return `our own network: the fault ${is} on our side, ${notAt}`;
  if (owner === 'provider') {
    return `the network path to ${f.party}: only ${f.party} ${is} affected, so the fault ${is} on ${sideOf(f)} side of the connection, not in our service`;
  }
  return `the network path between us and ${f.party}; we ${past ? 'did' : 'do'} not yet know on whose side of the connection the fault lies`;
}
