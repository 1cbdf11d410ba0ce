/** The closed sets of layers, reasons and owners from spec/diagnosis.md, as lists the CLI can print. */

export const LAYERS = ['integration', 'network', 'provider', 'model', 'none'] as const;
export type Layer = (typeof LAYERS)[number];

export const OWNERS = ['ours', 'provider', 'unknown'] as const;
export type Owner = (typeof OWNERS)[number];

/** Reasons per layer, exactly as listed in spec/diagnosis.md "Reasons (closed set)". */
export const REASONS_BY_LAYER = {
  integration: [
    'bad_request',
    'context_length',
    'auth',
    'permission',
    'billing',
    'quota_exhausted',
    'rate_limited',
    'not_found',
    'request_too_large',
    'client_timeout',
    'client_error',
  ],
  network: ['dns', 'connect_refused', 'connect_timeout', 'reset', 'tls', 'proxy', 'edge_rejected'],
  provider: ['overloaded', 'server_error', 'unavailable', 'timeout', 'stream_error', 'slow'],
  model: ['empty', 'truncated', 'refusal', 'content_filter', 'malformed', 'check_failed'],
  none: ['ok', 'cancelled'],
} as const satisfies Record<Layer, readonly string[]>;

export type IntegrationReason = (typeof REASONS_BY_LAYER.integration)[number];
export type NetworkReason = (typeof REASONS_BY_LAYER.network)[number];
export type ProviderReason = (typeof REASONS_BY_LAYER.provider)[number];
export type ModelReason = (typeof REASONS_BY_LAYER.model)[number];
export type NoneReason = (typeof REASONS_BY_LAYER.none)[number];
export type Reason = (typeof REASONS_BY_LAYER)[Layer][number];

/** Every reason, in layer order. */
export const REASONS: readonly Reason[] = LAYERS.flatMap((layer) => REASONS_BY_LAYER[layer]);
