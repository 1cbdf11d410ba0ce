/** @faultline/fake-provider: an emulator of the Anthropic, OpenAI and Gemini HTTP APIs with scripted faults. */
export { startFakeProvider } from './fake-provider.js';
export type { FakeProvider, FakeProviderOptions } from './fake-provider.js';
export { FAULT_KINDS, MODIFIER_KINDS, validateFaultRules } from './faults/index.js';
export type {
  AnswerFault,
  DropFault,
  EmptyFault,
  Fault,
  FaultKind,
  FaultRule,
  GarbledFault,
  HtmlFault,
  LatencyFault,
  MalformedJsonFault,
  OverloadFault,
  RefusalFault,
  ResetFault,
  SlowTokensFault,
  StallFault,
  StatusFault,
  StreamErrorFault,
  TruncateFault,
} from './faults/index.js';
export { loadScenario, parseDuration, parseScenario, validateScenario } from './scenario/index.js';
export type { Scenario, ScenarioFormat, ScenarioPhase, ScenarioStatus } from './scenario/index.js';
export { PROVIDERS } from './protocol/index.js';
export { isLoopback } from './admin/index.js';
export type { Provider } from './protocol/index.js';
// ConfigError is core's (one error hierarchy); re-exported so users of the fake need not import core.
export { ConfigError, IdInUseError, isConfigError, isIdInUseError } from './validation/index.js';
export { DEFAULT_MAX_BODY_BYTES } from './http/index.js';
export {
  DEFAULT_LAG_S,
  DEFAULT_RECOVERY_LAG_S,
  DEFAULT_STATUS_PAGES,
  STATUS_PAGE_KINDS,
  STATUS_PAGE_MODES,
  StatusPages,
} from './status-pages/index.js';
export type {
  StatusPageComponent,
  StatusPageInput,
  StatusPageKind,
  StatusPageMode,
  StatusPageSettings,
} from './status-pages/index.js';
