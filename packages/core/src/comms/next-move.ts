/** Whose move it is and what the move is, as "-ing" phrases for updates and the team. */
import type { IncidentFacts } from './incident-facts.js';
import { sideOf } from './cause-words.js';

/** What we fix when the fault is ours, per reason ("-ing" form). */
const OUR_FIX: Readonly<Record<string, string>> = {
  auth: 'fixing the API key in our configuration',
  permission: "fixing our API key's permissions and model access",
  billing: "fixing our account's billing",
  quota_exhausted: 'raising our quota or spend cap',
  rate_limited: 'slowing our request rate or raising our rate limit',
  not_found: 'correcting the model name in our configuration',
  request_too_large: 'shortening our requests or rolling back the change that grew them',
  context_length: 'shortening our prompts or rolling back the change that grew them',
  bad_request: 'rolling back the deploy that changed our requests',
  client_timeout: "raising our request deadline above the provider's normal response time",
  client_error: 'rolling back the deploy that broke our client code',
  dns: 'fixing our DNS resolution',
  tls: 'fixing our TLS setup',
  proxy: 'fixing our proxy',
};

/** The next move in "-ing" form: ours → the fix; provider → fail over and watch; unknown → find out. */
export function nextMove(f: IncidentFacts): string {
  const { owner, reason, layer } = f.incident;
  if (owner === 'ours')
    return (
      (Object.hasOwn(OUR_FIX, reason) ? OUR_FIX[reason] : undefined) ??
      'fixing our outbound network path'
    );
  if (owner === 'unknown') {
    return `comparing with other providers to find out on whose side of the connection the fault lies`;
  }
  const page = f.global ? "the providers' status pages" : `${sideOf(f)} status page`;
  const route =
    layer === 'model'
      ? 'routing affected requests to another model'
      : 'failing over to another provider';
  return `${route} or retrying with backoff, watching ${page}, and switching back as soon as it recovers`;
}
