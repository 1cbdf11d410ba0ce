/** Value checks for reading JSON: one shape (a {@link Check} says why a value is wrong) for every reader. */
export {
  boolean,
  check,
  count,
  integer,
  integerFrom,
  isObject,
  nonEmptyString,
  nonNegative,
  oneOf,
  positive,
  share,
  string,
} from './check.js';
export type { Check } from './check.js';
export { checkFields, fieldChecks } from './check-fields.js';
export type { CheckFieldsOptions, FieldChecks } from './check-fields.js';
export { at, problem } from './problem-path.js';
