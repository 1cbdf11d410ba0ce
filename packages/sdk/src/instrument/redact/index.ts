/** Redaction of what enters a record: credentials and echoes of the request. */
export { maskKeyShapes, redactUrl, REDACTED } from './key-shapes.js';
export { requestSecrets } from './request-secrets.js';
export { requestText, MIN_ECHO_CHARS } from './prompt-overlap.js';
export { redactMessage, redactWord, NO_REQUEST, MAX_MESSAGE_CHARS } from './redact-message.js';
export type { RedactionContext } from './redact-message.js';
