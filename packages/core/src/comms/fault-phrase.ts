/** The observable fact of an incident in plain words: who is failing, and how. */
import type { Reason } from '../classify/index.js';
import type { IncidentFacts } from './incident-facts.js';
import { possessive } from './provider-display-name.js';

/** "<subject> has been <doing>" / "<subject> was <doing>". */
export interface FaultPhrase {
  readonly subject: string;
  readonly plural: boolean;
  readonly doing: string;
  /** `doing` already names the models, so a later sentence can say "these models". */
  readonly namesModels: boolean;
}

type Table = Partial<Record<Reason, (f: IncidentFacts) => Omit<FaultPhrase, 'subject'>>>;

/** Anthropic says `overloaded_error` with 529; OpenAI `server_is_overloaded` with 503. */
function overloaded(f: IncidentFacts): string {
  const id = f.incident.provider;
  if (id === 'anthropic') return `overloaded (HTTP ${f.statusCode ?? 529})`;
  if (id === 'openai') return `server_is_overloaded (HTTP ${f.statusCode ?? 503})`;
  return `overloaded (HTTP ${f.statusCode ?? (id === 'vertex' ? 429 : 503)})`;
}

const one = (doing: string): Omit<FaultPhrase, 'subject'> => ({
  plural: false,
  doing,
  namesModels: false,
});
const forModels = (f: IncidentFacts, doing: string): Omit<FaultPhrase, 'subject'> => ({
  plural: f.global,
  doing: `${doing} for ${f.modelWords}`,
  namesModels: true,
});

const PROVIDER: Table = {
  overloaded: (f) => forModels(f, `returning ${overloaded(f)} errors`),
  server_error: (f) => forModels(f, `returning server errors (HTTP ${f.statusCode ?? 500})`),
  unavailable: (f) => forModels(f, `returning "unavailable" errors (HTTP ${f.statusCode ?? 503})`),
  timeout: (f) => forModels(f, 'timing out before answering requests'),
  stream_error: (f) => forModels(f, 'breaking off streamed responses part-way through'),
  slow: (f) => {
    const n = f.slowFactor;
    const times = n === undefined ? 'much' : `${n >= 10 ? Math.round(n) : n.toFixed(1)}×`;
    return forModels(f, `responding ${times} slower than normal`);
  },
};

const INTEGRATION: Table = {
  auth: () => one('rejecting our API key (HTTP 401)'),
  permission: () => one('refusing our API key access to these models (HTTP 403)'),
  billing: () => one("refusing our requests because of our account's billing status"),
  quota_exhausted: () => one('refusing our requests because our account has used up its quota'),
  rate_limited: () =>
    one('limiting our requests (HTTP 429) because we are over our own rate limit'),
  not_found: () => one('answering that the model we ask for does not exist (HTTP 404)'),
  request_too_large: () => one('rejecting our requests as too large (HTTP 413)'),
  context_length: () => one("rejecting our requests as longer than the model's context window"),
  bad_request: () => one('rejecting our requests as invalid (HTTP 400)'),
};

const MODEL: Table = {
  empty: () => ({
    plural: true,
    doing: 'arriving empty: a success status but no output',
    namesModels: true,
  }),
  truncated: () => ({
    plural: true,
    doing: 'arriving cut off before the end (stopped at the output token limit)',
    namesModels: true,
  }),
  refusal: () => ({
    plural: true,
    doing: 'arriving as refusals of requests the model normally answers',
    namesModels: true,
  }),
  content_filter: (f) => ({
    plural: true,
    doing: `being blocked by ${f.global ? "the providers'" : possessive(f.party)} content filter`,
    namesModels: true,
  }),
  malformed: () => ({
    plural: true,
    doing: 'arriving malformed, not in the format we ask for',
    namesModels: true,
  }),
  check_failed: () => ({
    plural: true,
    doing: 'arriving but failing our format checks',
    namesModels: true,
  }),
};

/** Network subjects name the connection step that fails. */
function networkPhrase(f: IncidentFacts): FaultPhrase {
  const to = f.global ? 'the providers' : f.party;
  const many = (subject: string, doing: string): FaultPhrase => ({
    subject,
    plural: true,
    doing,
    namesModels: false,
  });
  switch (f.incident.reason) {
    case 'dns':
      return many(`DNS lookups for ${f.api}`, 'failing');
    case 'connect_refused':
      return many(`Connections to ${f.api}`, 'refused');
    case 'connect_timeout':
      return many(`Connection attempts to ${f.api}`, 'timing out');
    case 'reset':
      return many(`Connections to ${f.api}`, 'cut off (reset) part-way through requests');
    case 'tls':
      return many(`Secure (TLS) connections to ${f.api}`, 'failing during the handshake');
    case 'proxy':
      return {
        subject: `A proxy between us and ${to}`,
        plural: false,
        doing: `answering with errors instead of ${to}`,
        namesModels: false,
      };
    case 'edge_rejected':
      return {
        subject: `An edge network in front of ${to}`,
        plural: false,
        doing: `rejecting our requests before they reach ${f.api}`,
        namesModels: false,
      };
    default:
      return many(`Requests to ${f.api}`, 'failing on the way there');
  }
}

/** The fact sentence's parts for the incident's layer and reason. */
export function faultPhrase(f: IncidentFacts): FaultPhrase {
  const { layer, reason } = f.incident;
  const target = f.global ? 'all providers' : f.party;
  if (layer === 'network') return networkPhrase(f);
  if (layer === 'model') {
    const whose =
      f.global || f.modelCount === 0 ? f.modelWords : `${possessive(f.party)} ${f.modelWords}`;
    const rest = MODEL[reason]?.(f) ?? {
      plural: true,
      doing: 'arriving but wrong',
      namesModels: true,
    };
    return { subject: `Responses from ${whose}`, ...rest };
  }
  if (layer === 'integration') {
    if (reason === 'client_timeout') {
      const normal = f.global ? "the providers'" : possessive(f.party);
      return {
        subject: `Requests to ${target}`,
        plural: true,
        doing: `cut off by our own request deadline, which is shorter than ${normal} normal response time`,
        namesModels: false,
      };
    }
    if (reason === 'client_error')
      return { subject: 'Our code', ...one(`failing before requests reach ${target}`) };
    const rest = INTEGRATION[reason]?.(f) ?? one('rejecting our requests');
    return { subject: f.api, ...rest, plural: f.global };
  }
  const rest = PROVIDER[reason]?.(f) ?? forModels(f, 'returning errors');
  return { subject: f.api, ...rest };
}
