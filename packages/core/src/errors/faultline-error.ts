/** The base of Faultline's own exceptions, and its guard. */

/**
 * Base class of the errors Faultline throws: programmer and configuration errors and boundary
 * refusals (a failed user call is data, never one of these). Subclasses set `name`, pass
 * `{ cause }` and export an `isX` guard.
 */
export class FaultlineError extends Error {
  /**
   * Brand read by {@link isFaultlineError}: unlike `instanceof`, it still holds when two copies
   * of @faultline/core are installed side by side (as cockatiel's `src/errors/Errors.ts` does).
   */
  readonly isFaultlineError = true;
  override name = 'FaultlineError';

  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
  }
}

/** Whether `e` is one of Faultline's own errors (any subclass of {@link FaultlineError}). */
export function isFaultlineError(e: unknown): e is FaultlineError {
  return hasBrand(e, 'isFaultlineError');
}

/** An Error that carries `brand: true`: the guards' test, as cockatiel's `isBrokenCircuitError`. */
export function hasBrand(e: unknown, brand: string): boolean {
  return e instanceof Error && (e as unknown as Record<string, unknown>)[brand] === true;
}
