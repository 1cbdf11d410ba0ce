// The advisory-lock keys Faultline takes in PostgreSQL, in one place so they never collide.

/**
 * Session lock held while migrations run, so replicas starting together apply each one once.
 * An arbitrary constant (the ASCII of "fltmig" as a number, below 2^53); any other lock must differ.
 */
export const MIGRATION_LOCK_KEY = 0x666c746d6967;

/**
 * The leader's session lock (issue 14), taken with the two-key form
 * `pg_try_advisory_lock(LEADER_LOCK_KEY, hashtext(current_schema()))`: one leader per store (a
 * schema), and two int4 keys live in another key space than MIGRATION_LOCK_KEY's bigint, so the
 * two can never collide. The ASCII of "fltl", below 2^31.
 */
export const LEADER_LOCK_KEY = 0x666c746c;
