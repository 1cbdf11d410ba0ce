/** The Gemini Developer API emulation. */
export { geminiAdapter } from './gemini-adapter.js';
