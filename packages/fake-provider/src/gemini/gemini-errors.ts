/** Gemini (google.rpc.Status) errors (https://ai.google.dev/gemini-api/docs/troubleshooting). */
import type { ErrorRequest, ErrorSpec } from '../protocol/index.js';

/** Canonical status word and default message by HTTP status. */
const BY_STATUS: Readonly<Record<number, readonly [string, string]>> = {
  400: ['INVALID_ARGUMENT', 'Request contains an invalid argument.'],
  401: ['UNAUTHENTICATED', 'Request had invalid authentication credentials.'],
  403: ['PERMISSION_DENIED', 'The caller does not have permission'],
  404: ['NOT_FOUND', 'Requested entity was not found.'],
  409: ['ABORTED', 'The operation was aborted.'],
  429: [
    'RESOURCE_EXHAUSTED',
    'You exceeded your current quota, please check your plan and billing details. For more ' +
      'information on this error, head to: https://ai.google.dev/gemini-api/docs/rate-limits.',
  ],
  499: ['CANCELLED', 'The operation was cancelled.'],
  500: [
    'INTERNAL',
    'An internal error has occurred. Please retry or report in ' +
      'https://developers.generativeai.google/guide/troubleshooting',
  ],
  501: ['UNIMPLEMENTED', 'Method not implemented.'],
  503: ['UNAVAILABLE', 'The service is currently unavailable.'],
  504: ['DEADLINE_EXCEEDED', 'Deadline expired before operation could complete.'],
};

/** HTTP status for a status word (for stream errors given only a word). */
export function geminiCodeFor(statusWord: string): number | undefined {
  for (const [code, [word]] of Object.entries(BY_STATUS)) if (word === statusWord) return +code;
  return undefined;
}

/** Fills the status word and message from the HTTP status. */
export function geminiError(request: ErrorRequest): ErrorSpec {
  const fallback = BY_STATUS[request.status];
  const type =
    request.type ?? fallback?.[0] ?? (request.status >= 500 ? 'INTERNAL' : 'INVALID_ARGUMENT');
  const sameType = fallback !== undefined && type === fallback[0];
  return {
    status: request.status,
    type,
    code: request.code ?? undefined,
    message: request.message ?? (sameType ? fallback[1] : `${type}`),
  };
}

/** The `error` object: code, message, status, and an ErrorInfo detail when a reason is given. */
export function geminiErrorObject(spec: ErrorSpec): Record<string, unknown> {
  const error: Record<string, unknown> = {
    code: spec.status,
    message: spec.message,
    status: spec.type,
  };
  if (spec.code !== undefined) {
    error['details'] = [
      {
        '@type': 'type.googleapis.com/google.rpc.ErrorInfo',
        reason: spec.code,
        domain: 'generativelanguage.googleapis.com',
      },
    ];
  }
  return error;
}

/** `{"error":{"code","message","status"[,"details"]}}`. */
export function geminiErrorBody(spec: ErrorSpec): string {
  return JSON.stringify({ error: geminiErrorObject(spec) });
}
