/**
 * Providers' error type words (Anthropic `error.type`, OpenAI `error.type`, Gemini `error.status`,
 * Bedrock exception names) that decide the verdict on their own, whatever the status.
 * Sources: reference/error-taxonomy.md §1.1, §3.1, §4.1, §4.3.
 */
import { CANCELLED, integration, provider, type Classification } from './classification.js';

const SPECIFIC = new Map<string, Classification>([
  // Anthropic §1.1
  ['authentication_error', integration('auth')],
  ['billing_error', integration('billing')],
  ['permission_error', integration('permission')],
  ['not_found_error', integration('not_found')],
  ['conflict_error', integration('client_error', true)],
  ['request_too_large', integration('request_too_large')],
  ['rate_limit_error', integration('rate_limited', true)],
  ['api_error', provider('server_error')],
  ['timeout_error', provider('timeout')],
  ['overloaded_error', provider('overloaded')],
  // OpenAI §3.1
  ['insufficient_quota', integration('quota_exhausted')],
  ['server_error', provider('server_error')],
  ['service_unavailable_error', provider('unavailable')],
  // Gemini / Vertex canonical status words §4.1 (google.rpc.Code)
  ['UNAUTHENTICATED', integration('auth')],
  ['PERMISSION_DENIED', integration('permission')],
  ['NOT_FOUND', integration('not_found')],
  ['ALREADY_EXISTS', integration('client_error')],
  ['OUT_OF_RANGE', integration('bad_request')],
  ['UNIMPLEMENTED', integration('bad_request')],
  ['ABORTED', integration('client_error', true)],
  ['RESOURCE_EXHAUSTED', integration('rate_limited', true)],
  ['INTERNAL', provider('server_error')],
  ['UNKNOWN', provider('server_error')],
  ['DATA_LOSS', provider('server_error')],
  // §7.4: Gemini 503 UNAVAILABLE is the provider's overload signal
  ['UNAVAILABLE', provider('overloaded')],
  ['DEADLINE_EXCEEDED', provider('timeout')],
  ['CANCELLED', CANCELLED],
  // Bedrock §4.3 (stream members arrive lower-camel: normalized before lookup)
  ['ValidationException', integration('bad_request')],
  ['AccessDeniedException', integration('permission')],
  ['ResourceNotFoundException', integration('not_found')],
  ['ServiceQuotaExceededException', integration('quota_exhausted')],
  ['ConflictException', integration('client_error', true)],
  ['ModelNotReadyException', provider('overloaded')],
  ['ModelTimeoutException', provider('timeout')],
  ['ModelErrorException', provider('server_error')],
  ['ModelStreamErrorException', provider('stream_error')],
  ['InternalServerException', provider('server_error')],
  ['InternalFailure', provider('server_error')],
  ['ServiceUnavailableException', provider('unavailable')],
  ['IncompleteSignature', integration('auth')],
  ['InvalidClientTokenId', integration('auth')],
  ['InvalidSignatureException', integration('auth')],
  ['UnrecognizedClientException', integration('auth')],
  ['ExpiredTokenException', integration('auth')],
  ['MissingAuthenticationToken', integration('auth')],
  ['RequestExpired', integration('auth')],
  ['NotAuthorized', integration('permission')],
  ['MPAgreementBeingCreated', integration('permission')],
]);

/** Words so broad that the status says more (OpenAI sends `invalid_request_error` on a 401). */
const BROAD = new Map<string, Classification>([
  ['invalid_request_error', integration('bad_request')],
  ['INVALID_ARGUMENT', integration('bad_request')],
  ['FAILED_PRECONDITION', integration('permission')],
]);

function normalize(type: string): string {
  // Bedrock stream exception members are lower-camel (`throttlingException`) (§4.3, B2).
  const first = type.charCodeAt(0);
  return first >= 97 && first <= 122 && type.endsWith('Exception')
    ? type[0]!.toUpperCase() + type.slice(1)
    : type;
}

/** A verdict from a type word that decides alone, or `undefined`. */
export function classifySpecificType(type: string): Classification | undefined {
  return SPECIFIC.get(type) ?? SPECIFIC.get(normalize(type));
}

/** A verdict from a broad type word, used only when no status is known. */
export function classifyBroadType(type: string): Classification | undefined {
  return BROAD.get(type);
}

/** The Bedrock-normalized form of a type word, for rules that match exception names. */
export { normalize as normalizeErrorType };
