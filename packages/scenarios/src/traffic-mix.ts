/** Who calls what in the background traffic: providers, models with their latency, apps. */
import type { Rng } from './rng.js';

/** A provider as our SDK instruments see it. */
export interface ProviderProfile {
  readonly id: 'anthropic' | 'openai' | 'google';
  readonly host: string;
  /** The client deadline our apps configure for this provider. */
  readonly timeoutMs: number;
  /** Stop reasons, verbatim per provider (error-taxonomy.md §1.5, §3.3, §4.1). */
  readonly stops: { readonly ok: string; readonly truncated: string; readonly refused: string };
  /** A request id as the provider's `request-id` / `x-request-id` header carries it. */
  requestId(rng: Rng): string;
}

/** A model: share of traffic and a latency profile (medians; the draws add spread). */
export interface ModelProfile {
  readonly id: string;
  readonly provider: ProviderProfile['id'];
  readonly weight: number;
  readonly ttftMs: number;
  readonly tokensPerSec: number;
  readonly outputTokens: number;
}

/** A calling service: its share of requests, how often it streams, what it asks for. */
export interface AppProfile {
  readonly id: string;
  readonly weight: number;
  readonly streamShare: number;
  readonly maxTokens: number;
  readonly inputTokens: number;
  /** The app parses JSON output and reports `checks.json_valid`. */
  readonly jsonChecks: boolean;
}

const BASE58 = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz';
const HEX = '0123456789abcdef';

/** The three providers of the background traffic. */
export const PROVIDERS: Readonly<Record<ProviderProfile['id'], ProviderProfile>> = {
  anthropic: {
    id: 'anthropic',
    host: 'api.anthropic.com',
    timeoutMs: 600_000, // Anthropic SDK default (error-taxonomy.md §2.2)
    stops: { ok: 'end_turn', truncated: 'max_tokens', refused: 'refusal' },
    requestId: (rng) => `req_011C${rng.chars(BASE58, 20)}`,
  },
  openai: {
    id: 'openai',
    host: 'api.openai.com',
    timeoutMs: 60_000,
    stops: { ok: 'stop', truncated: 'length', refused: 'content_filter' },
    requestId: (rng) => `req_${rng.chars(HEX, 32)}`,
  },
  google: {
    id: 'google',
    host: 'generativelanguage.googleapis.com',
    timeoutMs: 30_000,
    stops: { ok: 'STOP', truncated: 'MAX_TOKENS', refused: 'SAFETY' },
    requestId: (rng) => rng.chars(HEX, 16),
  },
};

/** Weights are percent of requests. Latency medians are typical public figures, rounded. */
export const MODELS: readonly ModelProfile[] = [
  m('claude-opus-4-7', 'anthropic', 11, 1800, 45, 420),
  m('claude-opus-4-8', 'anthropic', 14, 1600, 50, 420),
  m('claude-sonnet-4-6', 'anthropic', 20, 900, 70, 380),
  m('gpt-5.1', 'openai', 17, 1300, 75, 350),
  m('gpt-4.1-mini', 'openai', 14, 400, 110, 250),
  m('gemini-2.5-pro', 'google', 11, 2200, 85, 380),
  m('gemini-2.5-flash', 'google', 13, 500, 180, 300),
];

/** The calling apps: about half the calls stream. */
export const APPS: readonly AppProfile[] = [
  {
    id: 'search',
    weight: 40,
    streamShare: 0.3,
    maxTokens: 1024,
    inputTokens: 1800,
    jsonChecks: false,
  },
  {
    id: 'notes-ai',
    weight: 35,
    streamShare: 0.7,
    maxTokens: 2048,
    inputTokens: 3500,
    jsonChecks: true,
  },
  {
    id: 'support',
    weight: 25,
    streamShare: 0.55,
    maxTokens: 1024,
    inputTokens: 2500,
    jsonChecks: true,
  },
];

function m(
  id: string,
  provider: ProviderProfile['id'],
  weight: number,
  ttftMs: number,
  tokensPerSec: number,
  outputTokens: number,
): ModelProfile {
  return { id, provider, weight, ttftMs, tokensPerSec, outputTokens };
}

/** The model ids of one provider, sorted. */
export function modelsOf(provider: ProviderProfile['id']): string[] {
  return MODELS.filter((model) => model.provider === provider)
    .map((model) => model.id)
    .sort();
}

/** Every model id, sorted. */
export function allModels(): string[] {
  return MODELS.map((model) => model.id).sort();
}

/** Models with their traffic weights, for `Rng.weighted`. */
export const MODEL_WEIGHTS = MODELS.map((model) => [model, model.weight] as const);
/** Apps with their traffic weights, for `Rng.weighted`. */
export const APP_WEIGHTS = APPS.map((app) => [app, app.weight] as const);
