/** Turns a fault rule into a fast matcher (globs compiled once, not per request). */
import type { Provider } from '../protocol/index.js';
import type { FaultRule } from './fault.js';
import { compileGlob } from './glob-matcher.js';

/** The facts of a request that rules match on. */
export interface RequestFacts {
  readonly provider: Provider;
  readonly model: string;
  readonly stream: boolean;
}

/** A rule with its model matcher prepared. */
export interface CompiledRule {
  readonly rule: FaultRule;
  readonly matches: (facts: RequestFacts) => boolean;
}

/** Compiles `rule` into a matcher on provider, model and stream. */
export function compileRule(rule: FaultRule): CompiledRule {
  const { provider, model, stream } = rule;
  const modelMatches = model === undefined ? () => true : compileGlob(model);
  return {
    rule,
    matches: (facts) =>
      (provider === undefined || provider === facts.provider) &&
      (stream === undefined || stream === facts.stream) &&
      modelMatches(facts.model),
  };
}
