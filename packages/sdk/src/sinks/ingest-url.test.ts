import { describe, expect, it } from 'vitest';
import { isConfigError } from '@faultline/core';
import { ingestUrl } from './ingest-url.js';

describe('ingestUrl', () => {
  it.each([
    ['http://127.0.0.1:7600', 'http://127.0.0.1:7600/v1/records'],
    ['http://127.0.0.1:7600/', 'http://127.0.0.1:7600/v1/records'],
    ['https://ops.example.com/faultline/', 'https://ops.example.com/faultline/v1/records'],
    ['http://127.0.0.1:7600/v1/records', 'http://127.0.0.1:7600/v1/records'],
    ['http://127.0.0.1:7600/v1/records/', 'http://127.0.0.1:7600/v1/records'],
    ['http://127.0.0.1:7070/collect', 'http://127.0.0.1:7070/collect'],
    ['http://127.0.0.1:7600?tenant=a', 'http://127.0.0.1:7600/v1/records?tenant=a'],
  ])('%s posts to %s', (given, expected) => {
    expect(ingestUrl(given)).toBe(expected);
  });

  it.each(['127.0.0.1:7600', 'file:///tmp/x', ''])('refuses %j with a ConfigError', (given) => {
    expect(() => ingestUrl(given)).toThrow(expect.objectContaining({ isConfigError: true }));
    try {
      ingestUrl(given);
    } catch (e: unknown) {
      expect(isConfigError(e)).toBe(true);
    }
  });
});
