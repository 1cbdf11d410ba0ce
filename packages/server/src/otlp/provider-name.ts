/**
 * OpenTelemetry GenAI provider names → call-record provider ids (spec/call-record.md). The
 * well-known values of `gen_ai.provider.name` (and of the older `gen_ai.system`) are listed in the
 * semconv registry (reference/otel-genai.md §2); every other name passes through verbatim.
 */

const BY_NAME = new Map<string, string>([
  ['aws.bedrock', 'bedrock'],
  ['azure.ai.openai', 'azure-openai'],
  // semconv ≤ 1.30 spelled Azure `az.ai.*`
  ['az.ai.openai', 'azure-openai'],
  ['gcp.gemini', 'google'],
  ['gemini', 'google'],
  ['gcp.vertex_ai', 'vertex'],
  ['vertex_ai', 'vertex'],
]);

/** Vertex AI hosts (`aiplatform.googleapis.com`, regional `us-central1-aiplatform…`) tell the two
 * Google APIs apart when the span says only `gcp.gen_ai` ("either"). */
const VERTEX_HOST = /(^|[.-])aiplatform\.googleapis\.com$/;

/**
 * The record provider for a span's provider name, using `server.address` only where the name
 * covers two APIs (`gcp.gen_ai`).
 */
export function recordProvider(name: string, serverAddress: string | undefined): string {
  if (name === 'gcp.gen_ai') {
    return serverAddress !== undefined && VERTEX_HOST.test(serverAddress) ? 'vertex' : 'google';
  }
  return BY_NAME.get(name) ?? name;
}
