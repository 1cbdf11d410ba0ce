import { describe, expect, it } from 'vitest';
import { DEFAULT_PAUSE_MS, MAX_PAUSE_MS, goDurationMs, pauseUntilMs } from './rate-limit-pause.js';

const NOW = Date.parse('2026-11-22T04:00:00Z');
const h = (o: Record<string, string>): Headers => new Headers(o);

describe('pauseUntilMs', () => {
  it.each([
    ['429 with retry-after seconds', 429, { 'retry-after': '30' }, NOW + 30_000],
    [
      '429 with retry-after-ms first',
      429,
      { 'retry-after-ms': '1500', 'retry-after': '30' },
      NOW + 1500,
    ],
    [
      '429 with an HTTP-date',
      429,
      { 'retry-after': 'Sun, 22 Nov 2026 04:02:00 GMT' },
      NOW + 120_000,
    ],
    ['429 without a hint', 429, {}, NOW + DEFAULT_PAUSE_MS],
    [
      '429 with an Anthropic reset later than retry-after',
      429,
      {
        'retry-after': '5',
        'anthropic-ratelimit-requests-remaining': '0',
        'anthropic-ratelimit-requests-reset': '2026-11-22T04:00:40Z',
      },
      NOW + 40_000,
    ],
    ['200 with requests left', 200, { 'anthropic-ratelimit-requests-remaining': '12' }, undefined],
    [
      '200 with Anthropic tokens spent',
      200,
      {
        'anthropic-ratelimit-output-tokens-remaining': '0',
        'anthropic-ratelimit-output-tokens-reset': '2026-11-22T04:00:10Z',
      },
      NOW + 10_000,
    ],
    [
      '200 with OpenAI requests spent',
      200,
      { 'x-ratelimit-remaining-requests': '0', 'x-ratelimit-reset-requests': '6m0s' },
      NOW + 360_000,
    ],
    ['a bogus reset is capped', 429, { 'retry-after': '9999999' }, NOW + MAX_PAUSE_MS],
  ])('%s', (_name, status, headers, expected) => {
    expect(pauseUntilMs(status, h(headers), NOW)).toBe(expected);
  });
});

describe('goDurationMs', () => {
  it.each([
    ['1s', 1000],
    ['6m0s', 360_000],
    ['20ms', 20],
    ['1h2m3.5s', 3_723_500],
    ['soon', undefined],
    ['', undefined],
  ])('%s', (text, ms) => expect(goDurationMs(text)).toBe(ms));
});
