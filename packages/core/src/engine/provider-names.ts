/** How providers are named for people in evidence and updates. */
const NAMES: Record<string, string> = {
  anthropic: 'Anthropic',
  openai: 'OpenAI',
  google: "Google's Gemini API",
  vertex: 'Google Vertex AI',
  bedrock: 'AWS Bedrock',
  'azure-openai': 'Azure OpenAI',
};

/** The display name of a provider id; unknown ids as given. */
export function providerName(id: string): string {
  return NAMES[id] ?? id;
}
