/** The argument types of the global fetch, without the DOM library. */
export type FetchInput = Parameters<typeof globalThis.fetch>[0];
export type FetchInit = Parameters<typeof globalThis.fetch>[1];
