/** Warnings about the engine's own limits: the diagnosis goes on, but a reader should know. */
import { clockUtc } from '../format/index.js';

/**
 * `model_cap`: a provider named more models than the engine tracks; the rest count as one.
 * `provider_cap`: calls named more providers than the engine tracks; the rest count as one.
 */
export const ENGINE_WARNING_KINDS = ['model_cap', 'provider_cap'] as const;
export type EngineWarningKind = (typeof ENGINE_WARNING_KINDS)[number];

/** One warning, raised once per provider at the record time it first applied. */
export interface EngineWarning {
  readonly kind: EngineWarningKind;
  readonly provider: string;
  /** Record time when it first applied. */
  readonly atMs: number;
  /** One sentence for people, e.g. for a CLI's standard error. */
  readonly message: string;
}

/** The warning for a provider whose calls overflowed the per-provider model cap. */
export function modelCapWarning(
  provider: string,
  maxModels: number,
  overflowModel: string,
  atMs: number,
): EngineWarning {
  return {
    kind: 'model_cap',
    provider,
    atMs,
    message: `calls to provider ${JSON.stringify(provider)} named more than ${maxModels} distinct models (from ${clockUtc(atMs)}); calls to models beyond the first ${maxModels} are counted together as model ${JSON.stringify(overflowModel)}`,
  };
}

/** The warning for calls that named more providers than the engine tracks. */
export function providerCapWarning(
  firstUntracked: string,
  maxProviders: number,
  overflowProvider: string,
  atMs: number,
): EngineWarning {
  return {
    kind: 'provider_cap',
    provider: overflowProvider,
    atMs,
    message: `calls named more than ${maxProviders} distinct providers (from ${clockUtc(atMs)}, first untracked: ${JSON.stringify(firstUntracked)}); calls to providers beyond the first ${maxProviders} are counted together as provider ${JSON.stringify(overflowProvider)}`,
  };
}
