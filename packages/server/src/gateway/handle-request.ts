/**
 * One client request: route it, then try its targets in order. Failover happens only before a byte
 * reached the client; each attempt writes one record; the last target's answer passes as it is.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { endpointFor, readRequestFacts } from '@faultline/sdk';
import { answerHead, refuse } from './answer-head.js';
import { AttemptRecorder, type RecorderContext } from './attempt-recorder.js';
import type { Cooldowns } from './cooldowns.js';
import { forwardRequest } from './forward-request.js';
import type { GatewayBreakers, GatewayLimits } from './gateway-options.js';
import { endToEnd, REQUEST_OWN } from './hop-by-hop.js';
import { retryableStatus } from './moves-on.js';
import { planTargets } from './plan-targets.js';
import { pump, type BrokenEnd } from './pump.js';
import { readAhead } from './read-ahead.js';
import { readClientBody } from './read-client-body.js';
import type { RouteMatch, RouteTable } from './route-table.js';
import { sendAttempt } from './send-attempt.js';
import type { Upstream } from './upstream-pools.js';

/** What every request shares. */
export interface GatewayContext extends RecorderContext {
  readonly table: RouteTable;
  readonly upstreams: ReadonlyMap<string, Upstream>;
  readonly limits: GatewayLimits;
  readonly cooldowns: Cooldowns;
  readonly breakers: GatewayBreakers | undefined;
  readonly now: () => number;
}

/** Serves one request; never rejects (its caller guards it anyway). */
export async function handleRequest(
  ctx: GatewayContext,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const match = ctx.table.match(req.url ?? '/');
  if (match === undefined) return refuse(res, 404, 'not_found', 'no gateway route for this path');
  const read = await readClientBody(req, ctx.limits.maxBodyBytes);
  if (read.kind === 'too_large')
    return refuse(
      res,
      413,
      'request_too_large',
      `request bodies are limited to ${ctx.limits.maxBodyBytes} bytes`,
    );
  if (read.kind === 'broken') return void res.destroy();
  const abort = new AbortController();
  // The client left before the answer ended: the upstream request is cancelled with it.
  res.once('close', () => {
    if (!res.writableFinished) abort.abort(new DOMException('the client went away', 'AbortError'));
  });
  const method = req.method ?? 'GET';
  const headers = endToEnd(req.headers, REQUEST_OWN);
  const first = ctx.upstreams.get(match.route.targets[0]!)!;
  const endpoint = endpointFor(first.basePath + match.rest);
  // Model calls are recorded and may fail over; anything else passes to the first target untouched.
  const modelCall = endpoint.output !== 'not_model' && endpoint.name !== 'unknown';
  const plan = modelCall
    ? planTargets(
        match.route,
        modelOf(ctx, first, match, read.body),
        ctx.now(),
        ctx.cooldowns,
        ctx.breakers,
      )
    : match.route.targets.slice(0, 1);
  await tryTargets(ctx, res, match, plan, method, headers, read.body, modelCall, abort.signal);
}

async function tryTargets(
  ctx: GatewayContext,
  res: ServerResponse,
  match: RouteMatch,
  plan: readonly string[],
  method: string,
  headers: Record<string, string | string[]>,
  body: Buffer,
  modelCall: boolean,
  signal: AbortSignal,
): Promise<void> {
  for (let i = 0; i < plan.length; i++) {
    const up = ctx.upstreams.get(plan[i]!)!;
    const last = i === plan.length - 1;
    const sent = forwardRequest(up, match, method, headers, body, modelCall);
    const rec = modelCall
      ? new AttemptRecorder(ctx, up.target.provider, up.origin + sent.path, sent, i + 1, signal)
      : undefined;
    const result = await sendAttempt(up, sent, signal);
    if (result.kind === 'failed') {
      rec?.observation.finishError(result.error);
      if (signal.aborted || last) return void res.destroy(); // a reset drops the client's connection, as direct
      continue;
    }
    rec?.headers(result.status, result.headers);
    const it = result.body[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
    const broken = brokenEnd(match.route.failover, up, result.headers);
    if (!last && retryableStatus(result.status)) {
      const ahead = await readAhead(it, rec!, up.target.provider, false, signal);
      result.body.destroy(); // read whole already, unless past the cap
      if (ahead.kind === 'client_gone') return rec?.clientGone(signal.reason);
      noteCooldown(ctx, up, rec);
      continue;
    }
    if (!last && rec !== undefined && result.status >= 200 && result.status < 300) {
      const eventStream = isEventStream(result.headers);
      const ahead = await readAhead(it, rec, up.target.provider, eventStream, signal);
      if (ahead.kind === 'client_gone') return rec.clientGone(signal.reason);
      if (ahead.kind === 'move_on') {
        result.body.destroy();
        continue;
      }
      answerHead(res, result.status, result.headers, up.target.name, i + 1);
      return pump(res, ahead.held, ahead.ended ? undefined : it, rec, broken, signal);
    }
    answerHead(res, result.status, result.headers, up.target.name, i + 1);
    await pump(res, [], it, rec, broken, signal);
    if (retryableStatus(result.status)) noteCooldown(ctx, up, rec);
    return;
  }
}

/** A `retry-after` the target sent keeps it out of plans for that long (capped). */
function noteCooldown(ctx: GatewayContext, up: Upstream, rec: AttemptRecorder | undefined): void {
  const ms = rec?.record?.retry_after_ms;
  if (ms !== undefined) ctx.cooldowns.note(up.target.name, ms, ctx.now());
}

/** The model asked for, for the breakers (read only when there are breakers). */
function modelOf(ctx: GatewayContext, up: Upstream, match: RouteMatch, body: Buffer): string {
  if (ctx.breakers === undefined) return '';
  return readRequestFacts(up.origin + up.basePath + match.rest, { method: 'POST', body }).model;
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
