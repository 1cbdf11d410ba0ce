/** Invalid configuration, with every problem found. */
import { FaultlineError, hasBrand } from './faultline-error.js';

/**
 * Invalid configuration (a scenario, fault rules, options): `problems` holds every `path: problem`
 * found, not just the first, and the message lists them under `what`.
 */
export class ConfigError extends FaultlineError {
  readonly isConfigError = true;
  override name = 'ConfigError';
  readonly problems: readonly string[];

  constructor(what: string, problems: readonly string[], options?: ErrorOptions) {
    super(`${what}:\n  ${problems.join('\n  ')}`, options);
    this.problems = problems;
  }
}

/** Whether `e` is a {@link ConfigError} (or a subclass of it). */
export function isConfigError(e: unknown): e is ConfigError {
  return hasBrand(e, 'isConfigError');
}
