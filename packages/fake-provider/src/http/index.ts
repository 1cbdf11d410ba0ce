/** Plain HTTP helpers shared by the provider server and the admin API. */
export { readBody } from './read-body.js';
export { sendJson } from './send-json.js';
