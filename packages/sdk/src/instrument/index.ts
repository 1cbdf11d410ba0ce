/** Instrumenting an app's LLM calls: the wrapped fetch. */
export { instrumentFetch } from './instrument-fetch.js';
export type { InstrumentFetchOptions } from './instrument-fetch.js';
