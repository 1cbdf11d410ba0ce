// Where each kind's document is, for the URLs operators write in status_pages[].url.
import { describe, expect, it } from 'vitest';
import { endpointUnder } from './page-format.js';

describe('endpointUnder', () => {
  it.each([
    [
      'https://status.claude.com',
      '/api/v2/summary.json',
      'https://status.claude.com/api/v2/summary.json',
    ],
    [
      'https://status.claude.com/',
      '/api/v2/summary.json',
      'https://status.claude.com/api/v2/summary.json',
    ],
    [
      'https://status.claude.com/api/v2/summary.json',
      '/api/v2/summary.json',
      'https://status.claude.com/api/v2/summary.json',
    ],
    [
      'http://127.0.0.1:9/status/anthropic',
      '/api/v2/summary.json',
      'http://127.0.0.1:9/status/anthropic/api/v2/summary.json',
    ],
    [
      'http://127.0.0.1:9/status/anthropic/',
      '/api/v2/summary.json',
      'http://127.0.0.1:9/status/anthropic/api/v2/summary.json',
    ],
    [
      'https://status.openai.com/api/v1/summary',
      '/proxy/status.openai.com',
      'https://status.openai.com/api/v1/summary',
    ],
    [
      'https://status.openai.com/proxy/status.openai.com',
      '/proxy/x',
      'https://status.openai.com/proxy/status.openai.com',
    ],
    [
      'https://status.cloud.google.com',
      '/incidents.json',
      'https://status.cloud.google.com/incidents.json',
    ],
    [
      'https://status.cloud.google.com/incidents.json',
      '/incidents.json',
      'https://status.cloud.google.com/incidents.json',
    ],
  ])('%s → %s', (url, path, expected) => {
    expect(endpointUnder(url, path)).toBe(expected);
  });
});
