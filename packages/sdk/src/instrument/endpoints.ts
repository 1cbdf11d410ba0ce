/**
 * The endpoint table: which request paths are model calls, and whether a success of theirs carries
 * generated output to judge (issue 7: a successful embeddings call is not an empty answer).
 */

/**
 * - `text`: generated output is expected; the body is interpreted and output checks run.
 * - `no_text`: a model call whose success returns no generated text (embeddings, token counts,
 *   moderations, images, audio): recorded with status, errors and input usage, never judged.
 * - `not_model`: not a model call (model lists, files, batches): not recorded.
 */
export const ENDPOINT_OUTPUTS = ['text', 'no_text', 'not_model'] as const;
export type EndpointOutput = (typeof ENDPOINT_OUTPUTS)[number];

/** Wire formats the interpreters read. */
export const WIRE_FORMATS = ['anthropic', 'openai', 'gemini'] as const;
export type WireFormat = (typeof WIRE_FORMATS)[number];

/** One row of the table. */
export interface Endpoint {
  /** `family.operation`, as in docs/instrument.md. */
  readonly name: string;
  /** Tested against the URL path (no query); rows match at the end, so any prefix works. */
  readonly path: RegExp;
  readonly output: EndpointOutput;
  /** The body's format when it differs from the provider's (Claude on Vertex, OpenAI-compatible). */
  readonly format?: WireFormat;
}

/**
 * First match wins, so specific rows come before general ones. Sources: the API references of
 * Anthropic (docs.anthropic.com/en/api), OpenAI (platform.openai.com/docs/api-reference), Gemini
 * (ai.google.dev/api) and Vertex AI (cloud.google.com/vertex-ai/docs/reference/rest).
 */
export const ENDPOINTS: readonly Endpoint[] = [
  // Anthropic, also on Vertex (publishers/anthropic/models/{m}:rawPredict)
  { name: 'anthropic.count_tokens', path: /\/v1\/messages\/count_tokens$/, output: 'no_text' },
  { name: 'anthropic.batches', path: /\/v1\/messages\/batches(?:\/.*)?$/, output: 'not_model' },
  { name: 'anthropic.messages', path: /\/v1\/messages$/, output: 'text', format: 'anthropic' },
  {
    name: 'vertex.anthropic.count_tokens',
    path: /\/publishers\/anthropic\/models\/count-tokens:rawPredict$/,
    output: 'no_text',
  },
  {
    name: 'vertex.anthropic.messages',
    path: /\/publishers\/anthropic\/models\/[^/]+:(?:stream)?[rR]awPredict$/,
    output: 'text',
    format: 'anthropic',
  },
  // Gemini API and Vertex AI: models/{model}:{method}
  {
    name: 'gemini.generate',
    path: /:(?:stream)?[gG]enerateContent$/,
    output: 'text',
    format: 'gemini',
  },
  { name: 'gemini.count_tokens', path: /:(?:countTokens|computeTokens)$/, output: 'no_text' },
  { name: 'gemini.embed', path: /:(?:embedContent|batchEmbedContents)$/, output: 'no_text' },
  { name: 'gemini.predict', path: /:(?:predict|predictLongRunning)$/, output: 'no_text' },
  {
    name: 'gemini.batch',
    path: /:(?:batchGenerateContent|asyncBatchEmbedContent)$/,
    output: 'not_model',
  },
  {
    name: 'gemini.resources',
    path: /\/(?:cachedContents|tunedModels|operations|batchPredictionJobs|corpora|fileSearchStores)(?:\/[^:]*)?$/,
    output: 'not_model',
  },
  // OpenAI and OpenAI-compatible APIs (Azure /openai/deployments/{d}/…, Vertex endpoints/openapi/…)
  { name: 'openai.chat', path: /\/chat\/completions$/, output: 'text', format: 'openai' },
  { name: 'openai.chat.stored', path: /\/chat\/completions\/.+$/, output: 'not_model' },
  { name: 'openai.responses.input_tokens', path: /\/responses\/input_tokens$/, output: 'no_text' },
  { name: 'openai.responses', path: /\/responses$/, output: 'text', format: 'openai' },
  { name: 'openai.responses.stored', path: /\/responses\/.+$/, output: 'not_model' },
  { name: 'openai.completions', path: /\/completions$/, output: 'text', format: 'openai' },
  { name: 'openai.embeddings', path: /\/embeddings$/, output: 'no_text' },
  { name: 'openai.moderations', path: /\/moderations$/, output: 'no_text' },
  { name: 'openai.images', path: /\/images\/(?:generations|edits|variations)$/, output: 'no_text' },
  {
    name: 'openai.audio',
    path: /\/audio\/(?:speech|transcriptions|translations)$/,
    output: 'no_text',
  },
  // Bedrock token counting: /model/{id}/count-tokens
  { name: 'bedrock.count_tokens', path: /\/model\/[^/]+\/count-tokens$/, output: 'no_text' },
  // Resources of every provider: model lists, files, batches, stores, fine-tuning, assistants
  { name: 'models', path: /\/models(?:\/[^/:]+)?$/, output: 'not_model' },
  {
    name: 'resources',
    path: /\/(?:files|uploads|batches|vector_stores|fine_tuning|fine-tunes|assistants|threads|conversations|evals|containers|realtime)(?:\/.*)?$/,
    output: 'not_model',
  },
];

/** Any other path: judged by the body's shape alone (see `OutputState.recognized`). */
export const UNKNOWN_ENDPOINT: Endpoint = { name: 'unknown', path: /$/, output: 'text' };

/** Paths already looked up: an app calls few distinct paths, so most calls test no regex. */
const byPath = new Map<string, Endpoint>();
/** The cache is emptied when it reaches this size (paths with ids in them, e.g. files/{id}). */
const MAX_CACHED_PATHS = 512;

/** The table row for a request URL (absolute or a path). */
export function endpointFor(url: string): Endpoint {
  const path = pathOf(url);
  const cached = byPath.get(path);
  if (cached !== undefined) return cached;
  const found = ENDPOINTS.find((e) => e.path.test(path)) ?? UNKNOWN_ENDPOINT;
  if (byPath.size >= MAX_CACHED_PATHS) byPath.clear();
  byPath.set(path, found);
  return found;
}

/** The path of a URL without building a URL object: after the authority, before `?` or `#`. */
function pathOf(url: string): string {
  const scheme = url.indexOf('//');
  const from = scheme === -1 ? 0 : url.indexOf('/', scheme + 2);
  if (from === -1) return '/';
  let end = from;
  while (end < url.length) {
    const c = url.charCodeAt(end);
    if (c === 63 || c === 35) break; // '?', '#'
    end++;
  }
  // A trailing slash names the same resource (`/v1/models/`).
  return end - from > 1 && url.charCodeAt(end - 1) === 47
    ? url.slice(from, end - 1)
    : url.slice(from, end);
}
