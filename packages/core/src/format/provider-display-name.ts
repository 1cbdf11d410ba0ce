/** How providers are named for people: the id as users know the service. */

const DISPLAY_NAMES: Readonly<Record<string, string>> = {
  anthropic: 'Anthropic',
  openai: 'OpenAI',
  google: "Google's Gemini API",
  vertex: 'Google Vertex AI',
  bedrock: 'AWS Bedrock',
  'azure-openai': 'Azure OpenAI',
};

/**
 * The display name of a provider id: `overrides` first, then the known names; unknown ids as given.
 * @example providerDisplayName('vertex') // "Google Vertex AI"
 */
export function providerDisplayName(
  id: string,
  overrides: Readonly<Record<string, string>> = {},
): string {
  // Own properties only: an id such as "constructor" is data, not a key into Object.prototype.
  if (Object.hasOwn(overrides, id)) return overrides[id] ?? id;
  return Object.hasOwn(DISPLAY_NAMES, id) ? (DISPLAY_NAMES[id] ?? id) : id;
}

/** "Anthropic's", "AWS Bedrock's". */
export function possessive(name: string): string {
  return name.endsWith('s') ? `${name}'` : `${name}'s`;
}

/** "Anthropic's API"; a name that already ends in "API" ("Google's Gemini API") stays as it is. */
export function apiName(name: string): string {
  return /\bAPI$/.test(name) ? name : `${possessive(name)} API`;
}
