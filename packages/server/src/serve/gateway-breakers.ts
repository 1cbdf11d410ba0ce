/**
 * The breakers the in-process gateway consults: the leading term's (fed the engine's incidents and
 * the scopes' elevation as well as the gateway's attempts), or, on a replica that follows, the
 * process's own, fed by its gateway's attempts only (as the stand-alone `faultline gateway`).
 */
import type { BreakerOptions } from '@faultline/core';
import { breakerChangeLine, GatewayTargetBreakers } from '../breakers/index.js';
import type { GatewayBreakers, GatewayConfig } from '../gateway/index.js';

/** Breakers that follow `leading()` while this replica leads. */
export function gatewayBreakersOf(
  config: GatewayConfig,
  breaker: BreakerOptions,
  leading: () => GatewayTargetBreakers | undefined,
  log: (line: string) => void,
): GatewayBreakers {
  const own = new GatewayTargetBreakers({
    targets: config.targets,
    breaker,
    onChange: (c) => log(breakerChangeLine(c)),
  });
  return {
    admit: (target, model, nowMs) => (leading() ?? own).admit(target, model, nowMs),
    attempt: (target, model, c, atMs) => (leading() ?? own).attempt(target, model, c, atMs),
  };
}
