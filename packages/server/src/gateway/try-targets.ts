/**
 * Trying a request's planned targets in order. Failover happens only before a byte reached the
 * client; each attempt writes one record; the last target's answer passes as it is.
 */
import type { ServerResponse } from 'node:http';
import type { RequestFacts } from '@faultline/sdk';
import { answerHead } from './answer-head.js';
import { AttemptRecorder, sentFacts } from './attempt-recorder.js';
import type { ClientLink } from './client-link.js';
import { forwardRequest } from './forward-request.js';
import type { GatewayContext } from './gateway-context.js';
import { retryableStatus } from './moves-on.js';
import { pump, type BrokenEnd } from './pump.js';
import { readAhead } from './read-ahead.js';
import type { RouteMatch } from './route-table.js';
import { sendAttempt, type AttemptRequest } from './send-attempt.js';
import type { Upstream } from './upstream-pools.js';

/** The first target's attempt, built before planning: its facts name the model for the breakers. */
export interface FirstAttempt {
  readonly up: Upstream;
  readonly sent: AttemptRequest;
  /** Only model calls are recorded (and planned). */
  readonly facts: RequestFacts | undefined;
}

/** Tries `plan` in order; resolves once the client's answer ended or was cut. */
export async function tryTargets(
  ctx: GatewayContext,
  res: ServerResponse,
  match: RouteMatch,
  plan: readonly string[],
  first: FirstAttempt,
  headers: Record<string, string | string[]>,
  body: Buffer,
  client: ClientLink,
): Promise<void> {
  const modelCall = first.facts !== undefined;
  for (let i = 0; i < plan.length; i++) {
    const up = ctx.upstreams.get(plan[i]!)!;
    const last = i === plan.length - 1;
    const isFirst = up === first.up; // its request and facts are built already
    const sent = isFirst
      ? first.sent
      : forwardRequest(up, match, first.sent.method, headers, body, modelCall);
    const facts = isFirst
      ? first.facts
      : modelCall
        ? sentFacts(up.origin + sent.path, sent)
        : undefined;
    const rec =
      facts === undefined ? undefined : new AttemptRecorder(ctx, up.target, facts, i + 1, client);
    const result = await sendAttempt(up, sent, client);
    if (result.kind === 'failed') {
      rec?.observation.finishError(result.error);
      if (client.aborted || last) return void res.destroy(); // a reset drops the client's connection, as direct
      continue;
    }
    rec?.headers(result.status, result.headers);
    const it = result.body;
    const broken = brokenEnd(match.route.failover, up, result.headers);
    if (!last && retryableStatus(result.status)) {
      const ahead = await readAhead(it, rec!, up.target.provider, false, client);
      result.body.destroy(); // read whole already, unless past the cap
      if (ahead.kind === 'client_gone') return rec?.clientGone(client.reason);
      noteCooldown(ctx, up, rec);
      continue;
    }
    if (!last && rec !== undefined && result.status >= 200 && result.status < 300) {
      const eventStream = isEventStream(result.headers);
      const ahead = await readAhead(it, rec, up.target.provider, eventStream, client);
      if (ahead.kind === 'client_gone') return rec.clientGone(client.reason);
      if (ahead.kind === 'move_on') {
        result.body.destroy();
        continue;
      }
      answerHead(res, result.status, result.headers, up.target.name, i + 1);
      return pump(res, ahead.held, ahead.ended ? undefined : it, rec, broken, client);
    }
    answerHead(res, result.status, result.headers, up.target.name, i + 1);
    await pump(res, [], it, rec, broken, client);
    if (retryableStatus(result.status)) noteCooldown(ctx, up, rec);
    return;
  }
}

/** A `retry-after` the target sent keeps it out of plans for that long (capped). */
function noteCooldown(ctx: GatewayContext, up: Upstream, rec: AttemptRecorder | undefined): void {
  const ms = rec?.record?.retry_after_ms;
  if (ms !== undefined) ctx.cooldowns.note(up.target.name, ms, ctx.now());
}

function isEventStream(headers: Record<string, string | string[] | undefined>): boolean {
  return String(headers['content-type']).includes('text/event-stream');
}

/** How a body that breaks after bytes were sent ends: an error event only where one can be sent. */
function brokenEnd(
  failover: boolean,
  up: Upstream,
  headers: Record<string, string | string[] | undefined>,
): BrokenEnd {
  return failover && isEventStream(headers) && headers['content-length'] === undefined
    ? { kind: 'error_event', api: up.target.api }
    : { kind: 'cut' };
}
