/** The OpenAI Chat Completions API emulation. */
export { openaiAdapter, openaiRequestId } from './openai-adapter.js';
export { goDuration } from './go-duration.js';
