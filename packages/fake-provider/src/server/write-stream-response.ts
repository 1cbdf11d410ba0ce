/** Sends a streamed success, paced per token, honouring drop, stall and stream_error faults. */
import type { ServerResponse } from 'node:http';
import type { DropFault, StallFault, StreamErrorFault } from '../faults/index.js';
import type { ErrorSpec, HeaderMap, StreamRenderer } from '../protocol/index.js';
import { delay } from './delay.js';

/** A fault that strikes after some tokens of a stream. */
export type StreamFault = DropFault | StallFault | StreamErrorFault;

/** How to send one stream. */
export interface StreamPlan {
  readonly tokensPerSecond: number;
  readonly fault: StreamFault | undefined;
  /** The error event's contents, for `stream_error`. */
  readonly errorSpec: ErrorSpec | undefined;
}

/**
 * Writes the stream. With no rate and no fault it is one write; otherwise the opening events go
 * out at once and each token follows after `1000 / tokensPerSecond` ms. A fault fires after
 * `afterTokens` tokens (capped at the token count); a stream_error at 0 is the first event.
 */
export async function writeStreamResponse(
  res: ServerResponse,
  headers: HeaderMap,
  renderer: StreamRenderer,
  plan: StreamPlan,
): Promise<void> {
  res.writeHead(200, headers);
  const { fault, tokensPerSecond } = plan;
  const n = renderer.count;
  if (fault === undefined && tokensPerSecond <= 0) {
    let all = renderer.open();
    for (let i = 0; i < n; i++) all += renderer.token(i);
    res.end(all + renderer.close());
    return;
  }
  res.flushHeaders();
  const trigger = fault === undefined ? -1 : Math.min(fault.afterTokens, n);
  const intervalMs = tokensPerSecond > 0 ? 1000 / tokensPerSecond : 0;
  let pending = fault?.kind === 'stream_error' && trigger === 0 ? '' : renderer.open();
  for (let i = 0; i <= n; i++) {
    if (i === trigger && fault !== undefined) {
      if (!(await strike(res, fault, pending, renderer, plan.errorSpec))) return;
      pending = '';
    }
    if (i === n) break;
    if (intervalMs > 0) {
      if (pending !== '') res.write(pending);
      pending = '';
      if (!(await delay(intervalMs, res))) return;
    }
    pending += renderer.token(i);
  }
  res.end(pending + renderer.close());
}

/** Applies the fault; true when the stream should go on (a stall that ended). */
async function strike(
  res: ServerResponse,
  fault: StreamFault,
  pending: string,
  renderer: StreamRenderer,
  errorSpec: ErrorSpec | undefined,
): Promise<boolean> {
  switch (fault.kind) {
    case 'drop':
      // Close once the tokens so far are flushed: the client sees them, then a cut-off body.
      if (pending !== '') res.write(pending);
      res.socket?.destroySoon();
      return false;
    case 'stream_error':
      res.end(errorSpec === undefined ? pending : pending + renderer.error(errorSpec));
      return false;
    case 'stall':
      if (pending !== '') res.write(pending);
      return delay(fault.ms, res);
  }
}
