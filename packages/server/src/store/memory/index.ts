// The in-memory store adapter (no native code), for users' tests and `--db :memory:`.
export { createMemoryStore } from './memory-store.js';
