/**
 * What a read handler answers, apart from the HTTP plumbing: the router writes it. Handlers are
 * functions of the request's URL and the store, so they are tested without a socket.
 */
export interface ApiResult {
  readonly status: number;
  readonly contentType: string;
  readonly body: string;
  readonly headers?: Readonly<Record<string, string>>;
}

const JSON_TYPE = 'application/json; charset=utf-8';

/** A JSON answer. */
export function jsonResult(status: number, value: unknown): ApiResult {
  return { status, contentType: JSON_TYPE, body: JSON.stringify(value) };
}

/** An error in the spec's shape: `{"error": {"code", "message"}}`. */
export function errorResult(status: number, code: string, message: string): ApiResult {
  return jsonResult(status, { error: { code, message } });
}

/** A query parameter that was given but is not acceptable. */
export class QueryProblem extends Error {
  override readonly name = 'QueryProblem';
}

/** The answer for a `QueryProblem`, else `undefined`. */
export function queryProblemResult(e: unknown): ApiResult | undefined {
  return e instanceof QueryProblem ? errorResult(400, 'bad_query', e.message) : undefined;
}
