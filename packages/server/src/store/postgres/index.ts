// The PostgreSQL store adapter (`pg`), loaded lazily by the composition root.
export { openPostgresStore } from './open-postgres-store.js';
export { MIGRATION_LOCK_KEY } from './locks.js';
