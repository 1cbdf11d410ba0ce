/**
 * Sends one attempt to one upstream with undici's dispatch API: its status, headers and body, or
 * the transport error. A handler of our own feeds the body (upstream-body.ts) straight from the
 * parser, without `request()`'s async resource, body stream and abort bookkeeping per request.
 */
import type { Dispatcher } from 'undici';
import type { ClientLink } from './client-link.js';
import { UpstreamBody } from './upstream-body.js';
import type { Upstream } from './upstream-pools.js';

/** What the upstream answered, or how it failed before headers. */
export type AttemptResult =
  | {
      readonly kind: 'response';
      readonly status: number;
      readonly headers: Record<string, string | string[] | undefined>;
      readonly body: UpstreamBody;
    }
  | { readonly kind: 'failed'; readonly error: unknown };

/** One request as sent: the path after the target's base path, its headers and body. */
export interface AttemptRequest {
  readonly method: string;
  readonly path: string;
  readonly headers: Record<string, string | string[]>;
  readonly body: Buffer;
}

/** Never rejects: a failure before headers is a result, as a failed user call is data. */
export function sendAttempt(
  up: Upstream,
  req: AttemptRequest,
  client: ClientLink,
): Promise<AttemptResult> {
  return new Promise((settle) => {
    const body =
      req.body.length === 0 && (req.method === 'GET' || req.method === 'HEAD') ? null : req.body;
    const handler = new AttemptHandler(settle, client);
    try {
      up.pool.dispatch({ method: req.method, path: req.path, headers: req.headers, body }, handler);
    } catch (error: unknown) {
      handler.onResponseError(undefined, error);
    }
  });
}

/** One attempt's dispatch handler: settles on headers (or an error before them), then feeds the body. */
class AttemptHandler implements Dispatcher.DispatchHandler {
  #controller: Dispatcher.DispatchController | undefined;
  #body: UpstreamBody | undefined;
  #settle: ((r: AttemptResult) => void) | undefined;
  /** The client left: the request is cancelled, before or after its headers came. */
  readonly #onLeave = (reason: unknown): void => this.#controller?.abort(reason as Error);

  constructor(
    settle: (r: AttemptResult) => void,
    private readonly client: ClientLink,
  ) {
    this.#settle = settle;
    client.onLeave(this.#onLeave);
  }

  onRequestStart(controller: Dispatcher.DispatchController): void {
    this.#controller = controller;
    if (this.client.aborted) controller.abort(this.client.reason as Error);
  }

  onResponseStart(
    controller: Dispatcher.DispatchController,
    status: number,
    headers: Record<string, string | string[] | undefined>,
  ): void {
    if (status < 200 || this.#settle === undefined) return; // 1xx: informational, not the answer
    this.#body = new UpstreamBody(controller);
    const settle = this.#settle;
    this.#settle = undefined;
    settle({ kind: 'response', status, headers, body: this.#body });
  }

  onResponseData(_controller: Dispatcher.DispatchController, chunk: Buffer): void {
    this.#body?.push(chunk);
  }

  onResponseEnd(): void {
    this.#release();
    this.#body?.end();
  }

  onResponseError(_controller: Dispatcher.DispatchController | undefined, error: unknown): void {
    this.#release();
    if (this.#body !== undefined) return this.#body.fail(error as Error);
    const settle = this.#settle;
    this.#settle = undefined;
    settle?.({ kind: 'failed', error });
  }

  #release(): void {
    this.client.off(this.#onLeave);
  }
}
