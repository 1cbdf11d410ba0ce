/** The fact sentence of a provider-layer incident: what the provider's API is doing. */
import type { ProviderReason } from '../classify/index.js';
import { phrase, type FaultPhrase } from './fault-phrase.js';
import type { IncidentFacts } from './incident-facts.js';

/** Anthropic answers overload with 529 `overloaded_error`; OpenAI with 503 `server_is_overloaded`. */
function overloaded(f: IncidentFacts): string {
  const id = f.incident.provider;
  if (id === 'anthropic') return `overloaded (HTTP ${f.statusCode ?? 529})`;
  if (id === 'openai') return `server_is_overloaded (HTTP ${f.statusCode ?? 503})`;
  // Vertex AI reports overload as 429 RESOURCE_EXHAUSTED ("please try again later").
  return `overloaded (HTTP ${f.statusCode ?? (id === 'vertex' ? 429 : 503)})`;
}

function slower(f: IncidentFacts): string {
  const n = f.slowFactor;
  if (n === undefined) return 'much slower than normal';
  return `${n >= 10 ? Math.round(n) : Number(n.toFixed(1))}× slower than normal`;
}

const DOING: Readonly<Record<ProviderReason, (f: IncidentFacts) => string>> = {
  overloaded: (f) => `returning ${overloaded(f)} errors`,
  server_error: (f) => `returning server errors (HTTP ${f.statusCode ?? 500})`,
  unavailable: (f) => `returning "unavailable" errors (HTTP ${f.statusCode ?? 503})`,
  timeout: () => 'timing out before answering requests',
  stream_error: () => 'breaking off streamed responses part-way through',
  slow: (f) => `responding ${slower(f)}`,
};

/** "Anthropic's API has been returning overloaded (HTTP 529) errors for claude-opus-4-7 …". */
export function providerPhrase(f: IncidentFacts): FaultPhrase {
  const reason = f.incident.reason;
  const doing = Object.hasOwn(DOING, reason)
    ? DOING[reason as ProviderReason](f)
    : 'returning errors';
  return phrase(f.api, `${doing} for ${f.modelWords}`, { plural: f.global, namesModels: true });
}
