/** The facts an update states, read once from an incident and the drafting options. */
import type { Incident } from '../engine/incident.js';
import { apiName, providerDisplayName } from './provider-display-name.js';
import { listSome } from './format-words.js';
import { timeMs } from './format-time.js';

/** What drafting needs besides the incident. */
export interface FactOptions {
  /** What is being done, as "-ing" phrases: "failing over to OpenAI", "rolling back the deploy". */
  readonly actions?: readonly string[];
  /** RFC 3339; the end of the incident when `resolved_at` is not set yet. */
  readonly now?: string;
  /** Our product as users know it, e.g. "Notion AI". */
  readonly productName?: string;
  /** Display names by provider id, overriding the built-in ones. */
  readonly providerNames?: Readonly<Record<string, string>>;
}

/** The incident seen through the words of an update. */
export interface IncidentFacts {
  readonly incident: Omit<Incident, 'update'>;
  /** Display name of the provider, or "the AI providers" for a global incident. */
  readonly party: string;
  /** "Anthropic's API", or "the providers' APIs". */
  readonly api: string;
  readonly global: boolean;
  /** "claude-opus-4-7 and claude-opus-4-8", or "all Anthropic models", or "all providers". */
  readonly modelWords: string;
  readonly modelCount: number;
  readonly startMs: number;
  /** `resolved_at`, else `now`, when either is a valid time. */
  readonly endMs: number | undefined;
  /** HTTP status named in the evidence ("HTTP 529"), if any. */
  readonly statusCode: number | undefined;
  /** How many times slower than normal, from the latency evidence ("4.2× the usual"). */
  readonly slowFactor: number | undefined;
  readonly otherProvidersFine: boolean;
  readonly otherModelsFine: boolean;
  readonly statusPageShows: boolean;
  readonly actions: readonly string[];
  readonly productName: string | undefined;
}

/** Reads the facts of `incident` that updates use. */
export function incidentFacts(
  incident: Omit<Incident, 'update'>,
  options: FactOptions = {},
): IncidentFacts {
  const global = incident.provider === null || incident.scope === 'global';
  const party = global
    ? 'the AI providers'
    : providerDisplayName(incident.provider ?? '', options.providerNames);
  const kinds = new Set(incident.evidence.map((e) => e.kind));
  const texts = (...of: readonly string[]): string[] =>
    incident.evidence.filter((e) => of.includes(e.kind)).map((e) => e.text);
  const noModels = global ? 'all providers' : `all ${party} models`;
  return {
    incident,
    party,
    api: global ? "the providers' APIs" : apiName(party),
    global,
    modelWords: incident.models.length === 0 ? noModels : listSome(incident.models, 4, 'models'),
    modelCount: incident.models.length,
    startMs: timeMs(incident.started_at) ?? timeMs(incident.detected_at) ?? 0,
    endMs: timeMs(incident.resolved_at) ?? timeMs(options.now),
    statusCode: firstNumber(texts('error_rate'), /\bHTTP (\d{3})\b/),
    slowFactor: firstNumber(
      texts('latency', 'deadline'),
      /(\d+(?:\.\d+)?) ?[×x] (?:the usual|normal|slower|baseline)/,
    ),
    otherProvidersFine: kinds.has('cross_provider'),
    otherModelsFine: kinds.has('cross_model'),
    statusPageShows: kinds.has('status_page'),
    actions: (options.actions ?? []).map((a) => a.trim().replace(/\.$/, '')).filter(Boolean),
    productName: options.productName,
  };
}

function firstNumber(texts: readonly string[], pattern: RegExp): number | undefined {
  for (const text of texts) {
    const m = pattern.exec(text);
    if (m?.[1] !== undefined) return Number(m[1]);
  }
  return undefined;
}
