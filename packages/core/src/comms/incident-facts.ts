/** The facts an update states, read once from an incident and the drafting options. */
import {
  factsOf,
  type EvidenceFactsByKind,
  type EvidenceKind,
  type GoldenFacts,
  type IncidentInput,
  type StatusLagFacts,
} from '../diagnosis/index.js';
import { apiName, providerDisplayName } from '../format/index.js';
import { listSome } from '../format/index.js';
import { timeMs } from '../format/index.js';

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
  readonly incident: IncidentInput;
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
  /** The HTTP status of the failures, from the error-rate evidence's facts, if any. */
  readonly statusCode: number | undefined;
  /** How many times slower than normal (to one decimal, as the latency evidence says it). */
  readonly slowFactor: number | undefined;
  /** The name of the user check most failures failed (`checks.<name> === false`), if any. */
  readonly failedCheck: string | undefined;
  /** The known-answer checks (golden canaries) that failed, when they raised the incident. */
  readonly golden: GoldenFacts | undefined;
  /** Another provider was seen over the same minutes and failed at its normal rate. */
  readonly otherProvidersFine: boolean;
  /** Some of the provider's models were seen healthy, and none of them is listed as affected. */
  readonly otherModelsFine: boolean;
  readonly statusPageShows: boolean;
  /** When the provider's status page moved long after our first failures, by how much. */
  readonly statusLag: StatusLagFacts | undefined;
  readonly actions: readonly string[];
  readonly productName: string | undefined;
}

/** Reads the facts of `incident` that updates use. */
export function incidentFacts(incident: IncidentInput, options: FactOptions = {}): IncidentFacts {
  const global = incident.provider === null || incident.scope === 'global';
  const party = global
    ? 'the AI providers'
    : providerDisplayName(incident.provider ?? '', options.providerNames);
  const kinds = new Set(incident.evidence.map((e) => e.kind));
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
    statusCode: statusCodeOf(incident),
    slowFactor: slowFactorOf(incident),
    failedCheck: failedCheckOf(incident),
    golden: goldenOf(incident),
    otherProvidersFine: incident.evidence.some(
      (e) => (factsOf(e, 'cross_provider')?.providers.length ?? 0) > 0,
    ),
    otherModelsFine: healthySiblings(incident).length > 0,
    statusPageShows: kinds.has('status_page'),
    statusLag: firstFacts(incident, 'status_lag'),
    actions: (options.actions ?? []).map((a) => a.trim().replace(/\.$/, '')).filter(Boolean),
    productName: options.productName,
  };
}

/** The status code of the first error-rate evidence whose failures were HTTP errors. */
function statusCodeOf(incident: IncidentInput): number | undefined {
  for (const e of incident.evidence) {
    const observed = factsOf(e, 'error_rate')?.observed;
    if (observed?.kind === 'http_error') return observed.status_code;
  }
  return undefined;
}

/**
 * The check named by the first error-rate evidence whose failures failed a user check; with no
 * such evidence, `golden` when known-answer checks failed.
 */
function failedCheckOf(incident: IncidentInput): string | undefined {
  for (const e of incident.evidence) {
    const observed = factsOf(e, 'error_rate')?.observed;
    if (observed?.kind === 'check_failed') return observed.check;
  }
  return goldenOf(incident) === undefined ? undefined : 'golden';
}

/** The facts of the incident's golden-canary evidence, if any. */
function goldenOf(incident: IncidentInput): GoldenFacts | undefined {
  return firstFacts(incident, 'golden');
}

/** The facts of the incident's first evidence of `kind`, if any. */
function firstFacts<K extends EvidenceKind>(
  incident: IncidentInput,
  kind: K,
): EvidenceFactsByKind[K] | undefined {
  for (const e of incident.evidence) {
    const facts = factsOf(e, kind);
    if (facts !== undefined) return facts;
  }
  return undefined;
}

/**
 * The provider's models the evidence saw healthy, less any the incident lists as affected: a
 * model that was fine when the incident opened and failed later is not "working normally".
 */
export function healthySiblings(incident: IncidentInput): string[] {
  const affected = new Set(incident.models);
  const seen = incident.evidence.flatMap((e) => factsOf(e, 'sibling_models')?.models ?? []);
  return seen.filter((m) => !affected.has(m));
}

/** The latency ratio, rounded as its evidence sentence states it. */
function slowFactorOf(incident: IncidentInput): number | undefined {
  for (const e of incident.evidence) {
    const ratio = factsOf(e, 'latency')?.ratio;
    if (ratio !== undefined) return Number(ratio.toFixed(1));
  }
  return undefined;
}
