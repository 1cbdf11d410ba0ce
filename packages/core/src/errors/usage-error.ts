/** A mistake in how a command was called. */
import { FaultlineError, hasBrand } from './faultline-error.js';

/** A mistake in the command line (an unknown option, a bad value): the CLI prints it with the help, exit 2. */
export class UsageError extends FaultlineError {
  readonly isUsageError = true;
  override name = 'UsageError';
}

/** Whether `e` is a {@link UsageError}. */
export function isUsageError(e: unknown): e is UsageError {
  return hasBrand(e, 'isUsageError');
}
