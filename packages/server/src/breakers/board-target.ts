/** The service's breaker targets: one per provider + model, named `provider/model`. */
import type { BreakerTarget } from '@faultline/core';

/** The target of a provider + model (provider names hold no `/`; model names may). */
export function modelTarget(provider: string, model: string): BreakerTarget {
  return { name: `${provider}/${model}`, provider, model };
}

/** The target a stored name stands for, or `undefined` when it is no `provider/model` name. */
export function parseTargetName(name: string): BreakerTarget | undefined {
  const slash = name.indexOf('/');
  if (slash <= 0 || slash === name.length - 1) return undefined;
  return modelTarget(name.slice(0, slash), name.slice(slash + 1));
}
