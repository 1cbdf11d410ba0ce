/** Value checks shared by the fault-rule and scenario validators. */
export {
  at,
  boolean,
  checkFields,
  count,
  errorStatus,
  integer,
  isRecord,
  nonNegative,
  oneOf,
  positive,
  probability,
  problem,
  string,
} from './checks.js';
export type { Check } from './checks.js';
export {
  ConfigError,
  FakeProviderError,
  IdInUseError,
  isConfigError,
  isIdInUseError,
} from './config-error.js';
