/** Provider-neutral types shared by the adapters, the fault engine and the server. */
export { PROVIDERS } from './provider.js';
export type { Provider } from './provider.js';
export type { ProviderRequest, RequestProblem } from './provider-request.js';
export { FINISHES } from './completion.js';
export type { Completion, Finish } from './completion.js';
export type { ErrorRequest, ErrorSpec } from './error-spec.js';
export { isRequestProblem } from './provider-adapter.js';
export { collectText, field, isNumber } from './collect-text.js';
export type {
  HeaderMap,
  ProviderAdapter,
  RateLimitState,
  ResponseMeta,
  RouteFacts,
  StreamRenderer,
} from './provider-adapter.js';
