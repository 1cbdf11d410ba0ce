/** Picks the fault for a request: the first matching main fault, plus matching modifiers. */
import type { CompiledRule, RequestFacts } from './compile-rule.js';
import type { Fault, LatencyFault, SlowTokensFault } from './fault.js';

/** A main fault (anything but a modifier). */
export type MainFault = Exclude<Fault, LatencyFault | SlowTokensFault>;

/** What happens to one request. */
export interface FaultSelection {
  readonly fault: MainFault | undefined;
  readonly latencyMs: number;
  readonly tokensPerSecond: number | undefined;
}

/**
 * Walks `rules` in order (admin rules first, then the scenario phase's). Each matching rule
 * with probability below 1 draws once from `draw`; rules that could no longer change the
 * outcome draw nothing, so the PRNG sequence depends only on rules that matter.
 */
export function selectFaults(
  rules: readonly CompiledRule[],
  facts: RequestFacts,
  draw: () => number,
): FaultSelection {
  let fault: MainFault | undefined;
  let latencyMs: number | undefined;
  let tokensPerSecond: number | undefined;
  for (const { rule, matches } of rules) {
    const f = rule.fault;
    const useful =
      f.kind === 'latency'
        ? latencyMs === undefined
        : f.kind === 'slow_tokens'
          ? tokensPerSecond === undefined
          : fault === undefined;
    if (!useful || !matches(facts)) continue;
    const p = rule.probability ?? 1;
    if (p < 1 && draw() >= p) continue;
    if (f.kind === 'latency') latencyMs = f.ms;
    else if (f.kind === 'slow_tokens') tokensPerSecond = f.tokensPerSecond;
    else fault = f;
  }
  return { fault, latencyMs: latencyMs ?? 0, tokensPerSecond };
}
