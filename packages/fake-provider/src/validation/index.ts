/** Value checks shared by the fault-rule and scenario validators, and the errors they throw. */
export {
  ConfigError,
  at,
  boolean,
  count,
  integer,
  isConfigError,
  isObject as isRecord,
  nonEmptyString as string,
  nonNegative,
  oneOf,
  positive,
  problem,
  share as probability,
} from '@faultline/core';
export type { Check } from '@faultline/core';
export { checkFields, errorStatus } from './checks.js';
export { IdInUseError, isIdInUseError } from './id-in-use-error.js';
