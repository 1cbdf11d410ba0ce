/** The fake provider's own refinement of core's ConfigError. */
import { ConfigError, hasBrand } from '@faultline/core';

/** Fault rules that name an id another rule already has; nothing was added. */
export class IdInUseError extends ConfigError {
  readonly isIdInUseError = true;
  override name = 'IdInUseError';
}

/** Whether `e` is an {@link IdInUseError}. */
export function isIdInUseError(e: unknown): e is IdInUseError {
  return hasBrand(e, 'isIdInUseError');
}
