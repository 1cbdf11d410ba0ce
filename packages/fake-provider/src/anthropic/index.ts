/** The Anthropic Messages API emulation. */
export { anthropicAdapter, anthropicRequestId } from './anthropic-adapter.js';
