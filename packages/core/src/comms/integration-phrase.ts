/** The fact sentence of an integration-layer incident: how our own requests go wrong. */
import type { IntegrationReason } from '../classify/index.js';
import { phrase, type FaultPhrase } from './fault-phrase.js';
import type { IncidentFacts } from './incident-facts.js';
import { possessive } from '../format/index.js';

/** What the provider's API answers to our requests, per reason. */
const ANSWER: Readonly<Partial<Record<IntegrationReason, string>>> = {
  auth: 'rejecting our API key (HTTP 401)',
  permission: 'refusing our API key access (HTTP 403)',
  billing: "refusing our requests because of our account's billing status",
  quota_exhausted: 'refusing our requests because our account has used up its quota',
  rate_limited: 'limiting our requests (HTTP 429) because we are over our own rate limit',
  not_found: 'answering that the model we ask for does not exist (HTTP 404)',
  request_too_large: 'rejecting our requests as too large (HTTP 413)',
  context_length: "rejecting our requests as longer than the model's context window",
  bad_request: 'rejecting our requests as invalid (HTTP 400)',
};

/** "Anthropic's API has been rejecting our API key (HTTP 401) …". */
export function integrationPhrase(f: IncidentFacts): FaultPhrase {
  const target = f.global ? 'all providers' : f.party;
  const reason = f.incident.reason;
  if (reason === 'client_timeout') {
    const normal = f.global ? "the providers'" : possessive(f.party);
    const note = (is: string): string =>
      `Our own request deadline ${is} shorter than ${normal} normal response time.`;
    return phrase(`Requests to ${target}`, 'cut off by our own request deadline', {
      plural: true,
      note: { now: note('is'), then: note('was') },
    });
  }
  if (reason === 'client_error')
    return phrase('Our code', `failing before requests reach ${target}`);
  const answer =
    (Object.hasOwn(ANSWER, reason) ? ANSWER[reason as IntegrationReason] : undefined) ??
    'rejecting our requests';
  return phrase(f.api, answer, { plural: f.global });
}
