/** The targets one request may try, in order: the route's, minus those open or cooling down. */
import type { Cooldowns } from './cooldowns.js';
import type { GatewayBreakers, GatewayRoute } from './gateway-options.js';

/**
 * With `failover: false`, only the first target, as going direct. Otherwise every target whose
 * breaker (for the model as sent to it, after the route's renames) admits it and that is not
 * waiting out a `retry-after`; when none is left, all of them in order anyway (spec/config.md: a
 * route whose targets are all open tries them in order). A route of one target has no choice.
 */
export function planTargets(
  route: GatewayRoute,
  model: string,
  nowMs: number,
  cooldowns: Cooldowns,
  breakers: GatewayBreakers | undefined,
): readonly string[] {
  if (!route.failover) return route.targets.slice(0, 1);
  if (route.targets.length === 1) return route.targets;
  const open = route.targets.filter(
    (t) =>
      !cooldowns.cooling(t, nowMs) &&
      breakers?.admit(t, route.models[t]?.[model] ?? model, nowMs) !== 'skip',
  );
  return open.length > 0 ? open : route.targets;
}
