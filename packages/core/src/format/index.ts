/** How Faultline says things to people: UTC times, shares, durations, lists and provider names. */
export { clockUtc, dateUtc, durationWords, spanUtc, timeMs } from './format-time.js';
export { capitalize, count, listSome, listWords, percent } from './format-words.js';
export { duration, precisePercent } from './format-numbers.js';
export { apiName, possessive, providerDisplayName } from './provider-display-name.js';
