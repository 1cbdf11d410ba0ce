/**
 * One client request: route it, read its body and the facts the decision needs, plan its targets
 * and try them in order (try-targets.ts).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { endpointFor } from '@faultline/sdk';
import { refuse } from './answer-head.js';
import { sentFacts } from './attempt-recorder.js';
import { ClientLink } from './client-link.js';
import type { GatewayContext } from './gateway-context.js';
import { forwardRequest } from './forward-request.js';
import { endToEnd, REQUEST_OWN } from './hop-by-hop.js';
import { planTargets } from './plan-targets.js';
import { readClientBody } from './read-client-body.js';
import type { RouteMatch } from './route-table.js';
import { tryTargets, type FirstAttempt } from './try-targets.js';

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
  const link = new ClientLink();
  // The client left before the answer ended: the upstream request is cancelled with it.
  res.once('close', () => {
    if (!res.writableFinished) link.leave(new DOMException('the client went away', 'AbortError'));
  });
  const method = req.method ?? 'GET';
  const headers = endToEnd(req.headers, REQUEST_OWN);
  const up = ctx.upstreams.get(match.route.targets[0]!)!;
  const endpoint = endpointFor(up.basePath + match.rest);
  // Model calls are recorded and may fail over; anything else passes to the first target untouched.
  const modelCall = endpoint.output !== 'not_model' && endpoint.name !== 'unknown';
  // Asked of every target, set once: the recorder reads the answer's body as it passes.
  if (modelCall) headers['accept-encoding'] = 'identity';
  const sent = forwardRequest(up, match, method, headers, read.body, modelCall);
  // One read of the body's facts serves the plan and the first attempt's record.
  const first = { up, sent, facts: modelCall ? sentFacts(up.origin + sent.path, sent) : undefined };
  const plan =
    first.facts !== undefined
      ? planTargets(
          match.route,
          clientModel(first, match, method, headers, read.body),
          ctx.now(),
          ctx.cooldowns,
          ctx.breakers,
        )
      : match.route.targets.slice(0, 1);
  await tryTargets(ctx, res, match, plan, first, headers, read.body, link);
}

/** The model the client asked for: the first attempt's, unless the route renames it for that target. */
function clientModel(
  first: FirstAttempt,
  match: RouteMatch,
  method: string,
  headers: Record<string, string | string[]>,
  body: Buffer,
): string {
  if (match.route.models[first.up.target.name] === undefined) return first.facts!.model;
  const asSent = { method, path: first.up.basePath + match.rest, headers, body };
  return sentFacts(first.up.origin + asSent.path, asSent).model;
}
