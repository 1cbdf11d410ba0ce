/**
 * Which models a page component covers. The config's `components` wins; without it, defaults for
 * the providers whose pages we know pick the API components (a claude.ai or ChatGPT outage is not
 * an API outage, so those components are left out); any other provider's components all count.
 */
import type { StatusPageEntry } from './status-source.js';

/**
 * Default component → models per provider, used when `components` is empty. Names match the page's
 * name exactly, or the page's name with a parenthesised suffix ("Claude API (api.anthropic.com)"),
 * case-insensitively; Google products are also matched by id.
 */
export const DEFAULT_COMPONENTS: Readonly<
  Record<string, Readonly<Record<string, readonly string[]>>>
> = {
  // status.claude.com (status-pages.md §3): Claude API `k8w3r06qmzrp`; Claude Code and claude.ai are apps.
  anthropic: { 'Claude API': ['*'], k8w3r06qmzrp: ['*'] },
  // status.openai.com components under "APIs" (§2); ChatGPT, Sora and Codex are apps.
  openai: Object.fromEntries(
    [
      'API',
      'Chat Completions',
      'Responses',
      'Realtime',
      'Batch',
      'Embeddings',
      'Audio',
      'Images',
      'Files',
      'Fine-tuning',
      'Moderations',
    ].map((name) => [name, ['*']]),
  ),
  // status.cloud.google.com product ids (§4): Vertex Gemini API, Vertex AI Online Prediction.
  google: { Z0FZJAMvEB4j3NbCJs6B: ['*'], sdXM79fz1FS6ekNpu37K: ['*'] },
  vertex: { Z0FZJAMvEB4j3NbCJs6B: ['*'], sdXM79fz1FS6ekNpu37K: ['*'] },
};

function matches(key: string, name: string, id: string | undefined): boolean {
  if (key === id) return true;
  const k = key.toLowerCase();
  const n = name.toLowerCase();
  return n === k || n.startsWith(`${k} (`);
}

/** The mapping in force for an entry: its own, else the provider's defaults, else null (all count). */
export function componentMap(
  entry: Pick<StatusPageEntry, 'provider' | 'components'>,
): Readonly<Record<string, readonly string[]>> | null {
  if (Object.keys(entry.components).length > 0) return entry.components;
  return DEFAULT_COMPONENTS[entry.provider] ?? null;
}

/** The models `component` covers, or null when it is not watched under `map`. */
export function modelsFor(
  map: Readonly<Record<string, readonly string[]>> | null,
  component: string,
  componentId?: string,
): readonly string[] | null {
  if (map === null) return ['*'];
  for (const [key, models] of Object.entries(map))
    if (matches(key, component, componentId)) return models;
  return null;
}
