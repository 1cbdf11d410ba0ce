/** Errors the fake provider throws for bad scenarios and fault rules. */

/** Base class of the fake provider's own errors. */
export class FakeProviderError extends Error {
  override name = 'FakeProviderError';
}

/** Invalid configuration; `problems` holds every `path: problem` found, not just the first. */
export class ConfigError extends FakeProviderError {
  override name = 'ConfigError';
  readonly problems: readonly string[];

  constructor(what: string, problems: readonly string[], options?: ErrorOptions) {
    super(`${what}:\n  ${problems.join('\n  ')}`, options);
    this.problems = problems;
  }
}

/** Whether `e` is a {@link ConfigError}. */
export function isConfigError(e: unknown): e is ConfigError {
  return e instanceof ConfigError;
}

/** Fault rules that name an id another rule already has; nothing was added. */
export class IdInUseError extends ConfigError {
  override name = 'IdInUseError';
}

/** Whether `e` is an {@link IdInUseError}. */
export function isIdInUseError(e: unknown): e is IdInUseError {
  return e instanceof IdInUseError;
}
