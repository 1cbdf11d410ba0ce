/** Whether a record's `server_address` is its provider's own API host (spec/call-record.md `edge`). */

/**
 * Public API hosts per known provider id: Anthropic S1, OpenAI O1, Gemini G1, Vertex V1 (regional
 * `<region>-aiplatform.googleapis.com`), Bedrock B1 (`bedrock-runtime[-fips].<region>.amazonaws.com`),
 * Azure OpenAI Z1 (per-resource `<name>.openai.azure.com` and the AI Services hosts).
 */
const HOSTS = new Map<string, RegExp>([
  ['anthropic', /^api\.anthropic\.com$/],
  ['openai', /^api\.openai\.com$/],
  ['google', /^generativelanguage\.googleapis\.com$/],
  ['vertex', /^(?:[a-z0-9-]+-)?aiplatform\.googleapis\.com$/],
  ['bedrock', /^bedrock-runtime(?:-fips)?\.[a-z0-9-]+\.amazonaws\.com(?:\.cn)?$/],
  [
    'azure-openai',
    /^[a-z0-9-]+\.(?:openai\.azure\.com|cognitiveservices\.azure\.com|services\.ai\.azure\.com)$/,
  ],
]);

/** Longest host name DNS allows; longer values are not host names and are not matched. */
const MAX_HOST = 253;

/**
 * True when the request went to the provider's own API host. A record without `server_address`,
 * or with a provider id we have no host list for (an OpenAI-compatible API), is taken at its word:
 * the host it went to is that provider's.
 */
export function isProviderHost(providerId: unknown, serverAddress: unknown): boolean {
  if (typeof serverAddress !== 'string' || typeof providerId !== 'string') return true;
  const pattern = HOSTS.get(providerId);
  if (pattern === undefined) return true;
  return pattern.test(hostOnly(serverAddress));
}

/** Lower case, without a `:port` or a trailing dot. */
function hostOnly(address: string): string {
  let host = address.length > MAX_HOST + 6 ? '' : address.toLowerCase();
  const colon = host.lastIndexOf(':');
  if (colon > 0 && host.indexOf(':') === colon) host = host.slice(0, colon);
  return host.endsWith('.') ? host.slice(0, -1) : host;
}
