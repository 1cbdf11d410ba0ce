/** The layers that can break and the scopes a verdict covers, from spec/diagnosis.md. */
import { LAYERS, type Layer } from '../classify/index.js';

/** A layer that can break: every layer but `none`. */
export type FailureLayer = Exclude<Layer, 'none'>;

/** The failure layers in spec order (integration, network, provider, model), derived from `LAYERS`. */
export const FAILURE_LAYERS: readonly FailureLayer[] = LAYERS.filter(
  (l): l is FailureLayer => l !== 'none',
);

/** Whether `value` names a failure layer. */
export function isFailureLayer(value: unknown): value is FailureLayer {
  return FAILURE_LAYERS.some((l) => l === value);
}

/** One value per failure layer, made by `make`: a table keyed by layer name, never by index. */
export function perLayer<T>(make: (layer: FailureLayer) => T): Record<FailureLayer, T> {
  return {
    integration: make('integration'),
    network: make('network'),
    provider: make('provider'),
    model: make('model'),
  };
}

export const SCOPES = ['model', 'provider', 'global'] as const;
/** `model`: one provider, one model; `provider`: several of one provider's models; `global`: several providers. */
export type Scope = (typeof SCOPES)[number];
