/** What one target is sent: its base path before the route's rest, its key, its model renames. */
import type { RouteMatch } from './route-table.js';
import { renameModel } from './rename-model.js';
import type { AttemptRequest } from './send-attempt.js';
import { applyTargetKey, queryForTarget } from './target-key.js';
import type { Upstream } from './upstream-pools.js';

/**
 * Builds the attempt for `up`. Model calls ask for an uncompressed answer, since the recorder
 * reads the body as it passes; anything else passes as the client sent it. `clientHeaders` is
 * never changed: it is copied when this target needs other headers.
 */
export function forwardRequest(
  up: Upstream,
  match: RouteMatch,
  method: string,
  clientHeaders: Record<string, string | string[]>,
  body: Buffer,
  modelCall: boolean,
): AttemptRequest {
  const renamed = modelCall
    ? renameModel(match.rest, body, match.route.models[up.target.name])
    : { path: match.rest, body };
  // The client's headers are sent as they are (no copy) unless this target changes them.
  const key = up.target.api_key;
  const identity = !modelCall || clientHeaders['accept-encoding'] === 'identity';
  const headers = key === null && identity ? clientHeaders : { ...clientHeaders };
  applyTargetKey(headers, up.target.api, key);
  if (!identity) headers['accept-encoding'] = 'identity';
  return {
    method,
    path: up.basePath + renamed.path + queryForTarget(match.query, up.target.api_key),
    headers,
    body: renamed.body,
  };
}
