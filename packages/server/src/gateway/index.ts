/** The gateway: a reverse proxy that records every upstream attempt and fails over before the first byte. */
export { createGateway } from './create-gateway.js';
export type { Gateway } from './create-gateway.js';
export { DEFAULT_GATEWAY_LIMITS } from './gateway-options.js';
export type {
  GatewayBreakers,
  GatewayConfig,
  GatewayLimits,
  GatewayOptions,
  GatewayRoute,
  GatewayTarget,
} from './gateway-options.js';
