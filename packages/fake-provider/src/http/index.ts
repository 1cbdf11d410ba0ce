/** Plain HTTP helpers shared by the provider server and the admin API. */
export { closeAfterResponse } from './close-after-response.js';
export {
  BodyTooLargeError,
  DEFAULT_MAX_BODY_BYTES,
  isBodyTooLargeError,
  readBody,
} from './read-body.js';
export { sendJson } from './send-json.js';
