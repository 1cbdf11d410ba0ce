/**
 * A target's own key replaces the client's, in the header its wire API reads: Anthropic
 * `x-api-key` (docs.anthropic.com/en/api/overview), OpenAI `Authorization: Bearer`
 * (platform.openai.com/docs/api-reference/authentication), Gemini `x-goog-api-key`
 * (ai.google.dev/gemini-api/docs/api-key). Without one the client's key passes as sent.
 */
import type { WireApi } from '../config/index.js';

/** Every header a client may carry its key in: all are replaced when the target has its own. */
const KEY_HEADERS = ['x-api-key', 'authorization', 'x-goog-api-key'] as const;

/** Puts the target's key in `headers` (mutated); `null` leaves the client's own key. */
export function applyTargetKey(
  headers: Record<string, string | string[]>,
  api: WireApi,
  key: string | null,
): void {
  if (key === null) return;
  for (const name of KEY_HEADERS) delete headers[name];
  if (api === 'anthropic') headers['x-api-key'] = key;
  else if (api === 'openai') headers['authorization'] = `Bearer ${key}`;
  else headers['x-goog-api-key'] = key;
}

/** The query without a `key=` parameter (Gemini's query-string key), when the target has its own. */
export function queryForTarget(query: string, key: string | null): string {
  if (key === null || query === '' || !query.includes('key=')) return query;
  const params = new URLSearchParams(query.slice(1));
  params.delete('key');
  const rest = params.toString();
  return rest === '' ? '' : `?${rest}`;
}
