/** What an error response (or an error event inside a stream) says, as the provider rules read it. */
import type { CallRecord } from '../records/index.js';
import type { Classification } from './classification.js';

/** The body's words and the status; `status` is undefined for an error event inside a 200 stream. */
export interface ErrorFacts {
  readonly status: number | undefined;
  readonly type: string | undefined;
  readonly code: string | undefined;
  readonly message: string;
  readonly record: CallRecord;
}

/** A provider's rules: a verdict when its body words decide, `undefined` to fall through. */
export type ProviderRules = (facts: ErrorFacts) => Classification | undefined;
