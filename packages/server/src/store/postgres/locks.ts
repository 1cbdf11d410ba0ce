// The advisory-lock keys Faultline takes in PostgreSQL, in one place so they never collide.

/**
 * Session lock held while migrations run, so replicas starting together apply each one once.
 * An arbitrary constant (the ASCII of "fltmig" as a number, below 2^53); any other lock must differ.
 */
export const MIGRATION_LOCK_KEY = 0x666c746d6967;
