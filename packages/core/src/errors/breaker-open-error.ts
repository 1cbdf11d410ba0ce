/** A boundary refusal: every target a call could go to has its breaker open. */
import { FaultlineError, hasBrand } from './faultline-error.js';

/**
 * Thrown instead of calling when the breakers of every target are open and the caller asked not
 * to try them anyway. `targets` names them; no call was sent.
 */
export class BreakerOpenError extends FaultlineError {
  readonly isBreakerOpenError = true;
  override name = 'BreakerOpenError';
  readonly targets: readonly string[];

  constructor(targets: readonly string[], options?: ErrorOptions) {
    super(`every target's breaker is open: ${targets.join(', ')}`, options);
    this.targets = targets;
  }
}

/** Whether `e` is a {@link BreakerOpenError}. */
export function isBreakerOpenError(e: unknown): e is BreakerOpenError {
  return hasBrand(e, 'isBreakerOpenError');
}
